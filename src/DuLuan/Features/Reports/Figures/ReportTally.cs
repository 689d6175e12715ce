using DuLuan.Data;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The summed measures of a subtree over one window: whole past months from the monthly sums, the rest counted from
/// the records by each <see cref="IMonthlySumSource"/> the capabilities register.
/// </summary>
public sealed class ReportTally(AppDbContext db, IEnumerable<IMonthlySumSource> sources, ReportSums sums)
{
    public async Task<SumTally> OfAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        var tally = new SumTally();
        var measures = sources.SelectMany(s => s.Measures).ToList();
        var split = await sums.SplitAsync(w, ct);
        foreach (var (measure, dim, value) in await sums.ReadAsync(prefix, split, measures, ct))
        {
            tally.Add(measure, dim, value);
        }

        if (split.LiveFromUtc < w.ToUtc)
        {
            foreach (var source in sources)
            {
                await source.CountAsync(db, prefix, w with { FromUtc = split.LiveFromUtc }, tally, ct);
            }
        }

        return tally;
    }
}
