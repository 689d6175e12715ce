using DuLuan.Data;
using DuLuan.Features.Cases;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>Who may do what with posts, as subtree filters on <see cref="CaseAccess"/> (itself on <see cref="UnitScope"/>): outside them a post is not found.</summary>
public sealed class PublishAccess(AppDbContext db, CaseAccess access, UnitScope scope)
{
    /// <summary>See posts: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Write drafts, submit them, schedule approved posts, reschedule.</summary>
    public static readonly Role[] Writers = [Role.Editor, Role.Lead, Role.Admin];

    /// <summary>Approve a tier, manage channels and approval settings.</summary>
    public static readonly Role[] Approvers = [Role.Lead, Role.Admin];

    public string? MemberId => scope.MemberId;

    public Task<IQueryable<Post>> PostsAsync(IReadOnlyCollection<Role>? roles, CancellationToken ct)
        => access.InScope(db.Posts, p => p.UnitId, roles, ct);

    public Task<IQueryable<Units.Unit>> UnitsAsync(IReadOnlyCollection<Role> roles, CancellationToken ct) => access.UnitsAsync(roles, ct);

    public async Task<bool> HoldsAsync(long unitId, IReadOnlyCollection<Role> roles, CancellationToken ct)
        => await (await access.UnitsAsync(roles, ct)).AnyAsync(u => u.Id == unitId, ct);

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
