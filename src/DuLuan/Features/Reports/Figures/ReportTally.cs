using DuLuan.Data;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The summed measures of a subtree over one window: whole months from the monthly sums, the rest counted from the
/// records by each <see cref="IMonthlySumSource"/> the capabilities register. The current month comes from the sums too
/// except for the measures capped by now (what has fallen due): counting a busy province's month of cases on every
/// dashboard request took seconds.
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
            var live = w with { FromUtc = split.LiveFromUtc };
            if (split.RestTo is { } restTo)
            {
                var kept = sources.SelectMany(s => s.Measures.Except(s.CappedByNow, StringComparer.Ordinal)).ToList();
                foreach (var (measure, dim, value) in await sums.ReadAsync(prefix, new ReportSums.Split(split.To, restTo, w.ToUtc), kept, ct))
                {
                    tally.Add(measure, dim, value);
                }
            }

            foreach (var source in sources)
            {
                var counted = split.RestTo is null ? source.Measures : source.CappedByNow;
                if (counted.Count > 0)
                {
                    await source.CountAsync(db, prefix, live, counted, tally, ct);
                }
            }
        }

        return tally;
    }
}
