using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>Which units' monitoring a member sees or manages (office staff see, editors and up manage), sets from <see cref="RoleTable"/> on <see cref="UnitScope"/>.</summary>
public sealed class MonitoringQueries(AppDbContext db, UnitScope scope)
{
    public static readonly Role[] Managers = RoleTable.ManageMonitoring.Roles;

    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    public async Task<List<Unit>> ManagedUnitsAsync(CancellationToken ct) =>
        await (await scope.UnitsAsync(Managers, ct)).AsNoTracking()
            .Where(u => u.Kind != UnitKind.Team)
            .OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(200).ToListAsync(ct);

    /// <summary>Units in the member's scope that follow at least one feed.</summary>
    public async Task<List<long>> VisibleUnitIdsAsync(CancellationToken ct) =>
        await (await scope.InScope(db.Feeds.AsNoTracking(), f => f.UnitId, Readers, ct)).Select(f => f.UnitId).Distinct().ToListAsync(ct);

    public async Task<bool> CanManageAsync(long unitId, CancellationToken ct) =>
        await scope.HoldsAsync(unitId, Managers, ct);

    public async Task<bool> CanViewAsync(long unitId, CancellationToken ct) =>
        await scope.HoldsAsync(unitId, Readers, ct);
}
