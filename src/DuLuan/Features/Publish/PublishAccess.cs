using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>Who may do what with posts, (sets from <see cref="RoleTable"/>) as subtree filters of <see cref="UnitScope"/>: outside them a post is not found.</summary>
public sealed class PublishAccess(AppDbContext db, UnitScope scope)
{
    /// <summary>See posts: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Write drafts, submit them, schedule approved posts, reschedule.</summary>
    public static readonly Role[] Writers = RoleTable.WritePosts.Roles;

    /// <summary>Approve a tier, manage channels and approval settings.</summary>
    public static readonly Role[] Approvers = RoleTable.ApprovePosts.Roles;

    public string? MemberId => scope.MemberId;

    public Task<IQueryable<Post>> PostsAsync(IReadOnlyCollection<Role> roles, CancellationToken ct)
        => scope.InScope(db.Posts, p => p.UnitId, roles, ct);

    public Task<IQueryable<Units.Unit>> UnitsAsync(IReadOnlyCollection<Role> roles, CancellationToken ct) => scope.UnitsAsync(roles, ct);

    public Task<bool> HoldsAsync(long unitId, IReadOnlyCollection<Role> roles, CancellationToken ct) => scope.HoldsAsync(unitId, roles, ct);

    /// <summary>The number of approval tiers for a unit: its own setting, else its nearest ancestor's, else 1.</summary>
    public static async Task<int> TiersAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var ancestors = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var settings = await db.PublishSettings.AsNoTracking().Where(s => ancestors.Contains(s.UnitId)).ToListAsync(ct);
        var nearest = settings.OrderByDescending(s => ancestors.IndexOf(s.UnitId)).FirstOrDefault();
        return Math.Clamp(nearest?.ApprovalTiers ?? 1, 1, 3);
    }
}
