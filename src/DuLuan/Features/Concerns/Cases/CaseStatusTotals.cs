using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// How many cases each unit holds in each status, kept as running totals (<see cref="IRunningTotals"/>) in the same
/// transaction as every save of a case: the case list's counts per status for a province lead read a few hundred
/// totals instead of counting 500,000 cases on every page.
/// </summary>
public sealed class CaseStatusTotals : IMonthlySumSource
{
    public const string Measure = "cases.status";

    private const string DimPrefix = "status:";

    public IReadOnlyList<string> Measures { get; } = [Measure];

    public static string Dim(CaseStatus status) => DimPrefix + status;

    public bool Counts(object entity) => entity is Case;

    public IEnumerable<SumKey> Keys(object entity, PropertyValues v, TimeZoneInfo zone) => entity is Case
        ? [new SumKey(v.GetValue<long>(nameof(Case.UnitId)), IRunningTotals.Month, Measure, Dim(v.GetValue<CaseStatus>(nameof(Case.Status))))]
        : [];

    public async Task AddAllAsync(AppDbContext db, TimeZoneInfo zone, Dictionary<SumKey, long> sums, CancellationToken ct)
    {
        var counts = await db.Cases.AsNoTracking().GroupBy(c => new { c.UnitId, c.Status }).Select(g => new { g.Key.UnitId, g.Key.Status, Count = g.LongCount() }).ToListAsync(ct);
        foreach (var c in counts)
        {
            var key = new SumKey(c.UnitId, IRunningTotals.Month, Measure, Dim(c.Status));
            sums[key] = sums.GetValueOrDefault(key) + c.Count;
        }
    }

    /// <summary>Running totals have no window: the reports never read them.</summary>
    public Task CountAsync(AppDbContext db, string prefix, ReportWindow w, IReadOnlyCollection<string> measures, SumTally tally, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Cases per status in <paramref name="unitIds"/> from the totals, or null while they are rebuilt.</summary>
    public static async Task<Dictionary<CaseStatus, int>?> ReadAsync(IRunningTotals totals, IQueryable<long> unitIds, CancellationToken ct)
    {
        var read = await totals.ReadAsync(unitIds, Measure, ct);
        if (read is null)
        {
            return null;
        }

        var counts = new Dictionary<CaseStatus, int>();
        foreach (var (dim, value) in read)
        {
            if (value != 0 && dim.StartsWith(DimPrefix, StringComparison.Ordinal) && Enum.TryParse<CaseStatus>(dim[DimPrefix.Length..], out var status))
            {
                counts[status] = (int)value;
            }
        }

        return counts;
    }
}
