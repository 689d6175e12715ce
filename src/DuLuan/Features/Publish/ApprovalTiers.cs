using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>How many approvals a post of a unit needs.</summary>
public static class ApprovalTiers
{
    /// <summary>
    /// The number of approval tiers for a unit: the highest set on it or on any unit above it (else 1), so a lower unit
    /// can add tiers but never drop one its parents require.
    /// </summary>
    public static async Task<int> TiersAsync(AppDbContext db, long unitId, CancellationToken ct)
        => Math.Clamp(await HighestSetAsync(db, await LineAsync(db, unitId, ct), ct) ?? 1, 1, 3);

    /// <summary>The tiers the units above require (1 when none sets any): the least a unit may set for itself.</summary>
    public static async Task<int> InheritedTiersAsync(AppDbContext db, long unitId, CancellationToken ct)
        => Math.Clamp(await HighestSetAsync(db, (await LineAsync(db, unitId, ct)).Where(id => id != unitId).ToList(), ct) ?? 1, 1, 3);

    private static async Task<List<long>> LineAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private static Task<int?> HighestSetAsync(AppDbContext db, List<long> units, CancellationToken ct)
        => db.PublishSettings.AsNoTracking().Where(s => units.Contains(s.UnitId)).MaxAsync(s => (int?)s.ApprovalTiers, ct);
}
