using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>Who sees and who works claims: office staff of the unit's subtree see, editors and up work them. Outside, 404.</summary>
public sealed class ClaimAccess(AppDbContext db, UnitScope scope)
{
    public static readonly Role[] Handlers = RoleTable.WorkClaims.Roles;

    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    public Task<IQueryable<Claim>> VisibleAsync(CancellationToken ct) => scope.InScope(db.Claims, c => c.UnitId, Readers, ct);

    public Task<IQueryable<Claim>> HandledAsync(CancellationToken ct) => scope.InScope(db.Claims, c => c.UnitId, Handlers, ct);

    public async Task<bool> CanHandleUnitAsync(long unitId, CancellationToken ct)
        => await scope.HoldsAsync(unitId, Handlers, ct);

    public async Task<List<Units.Unit>> HandledUnitsAsync(CancellationToken ct)
        => await (await scope.UnitsAsync(Handlers, ct)).AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(300).ToListAsync(ct);

    /// <summary>Staff who may own a claim of the unit: editors and up on the unit or one of its parents.</summary>
    public async Task<List<(string Id, string Name)>> OwnersAsync(long unitId, CancellationToken ct)
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
