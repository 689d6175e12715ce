using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>Who sees and who works claims (sets from <see cref="RoleTable"/>, checked by <see cref="UnitScope"/>): office staff of the unit's subtree see, editors and up work them. Outside, 404.</summary>
public static class ClaimRoles
{
    public static readonly Role[] Handlers = RoleTable.WorkClaims.Roles;

    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Units where the member may open a claim, the highest first.</summary>
    public static async Task<List<Units.Unit>> HandledUnitsAsync(UnitScope scope, CancellationToken ct)
        => await (await scope.UnitsAsync(Handlers, ct)).AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(300).ToListAsync(ct);

    /// <summary>Staff who may own a claim of the unit: editors and up on the unit or one of its parents.</summary>
    public static async Task<List<(string Id, string Name)>> OwnersAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var line = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => line.Contains(m.UnitId) && Handlers.Contains(m.Role))
            .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .Distinct()
            .ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal).Select(r => (r.Id, r.DisplayName)).ToList();
    }
}
