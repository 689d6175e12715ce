using DuLuan.Data;
using DuLuan.Features.Cases;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>Which units' monitoring a member sees or manages (office staff see, editors and up manage), on <see cref="CaseAccess"/> grants.</summary>
public sealed class MonitoringQueries(AppDbContext db, CaseAccess access)
{
    public static readonly Members.Role[] Managers = CaseAccess.Handlers;

    public async Task<List<Unit>> ManagedUnitsAsync(CancellationToken ct) =>
        await (await access.UnitsAsync(Managers, ct)).AsNoTracking()
            .Where(u => u.Kind != UnitKind.Team)
            .OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(200).ToListAsync(ct);

    /// <summary>Units in the member's scope that follow at least one feed.</summary>
    public async Task<List<long>> VisibleUnitIdsAsync(CancellationToken ct) =>
        await (await access.InScope(db.Feeds.AsNoTracking(), f => f.UnitId, CaseAccess.Readers, ct)).Select(f => f.UnitId).Distinct().ToListAsync(ct);

    public async Task<bool> CanManageAsync(long unitId, CancellationToken ct) =>
        await (await access.UnitsAsync(Managers, ct)).AnyAsync(u => u.Id == unitId, ct);

    public async Task<bool> CanViewAsync(long unitId, CancellationToken ct) =>
        await (await access.UnitsAsync(CaseAccess.Readers, ct)).AnyAsync(u => u.Id == unitId, ct);
}
