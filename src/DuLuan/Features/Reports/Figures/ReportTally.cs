using DuLuan.Data;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The summed measures of a subtree over one window: whole months from the monthly sums, the rest counted from the
/// records by each <see cref="IMonthlySumSource"/> the capabilities register. The current month comes from the sums too
/// except for the measures capped by now (what has fallen due): their days before today come from daily sums and only
/// today is counted from the records. Counting a busy province's month of cases on every dashboard request took seconds.
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

            var days = split.RestTo is null ? null : sums.DaysBeforeToday(split.To, w.NowUtc);
            foreach (var source in sources)
            {
                var counted = split.RestTo is null ? source.Measures : source.CappedByNow;
                if (days is { } d && counted.Count > 0)
                {
                    // The days of this month before today from the daily sums; only today is counted from the records.
                    var daily = counted.Where(source.DailyOfCapped.ContainsKey).ToList();
                    if (daily.Count > 0)
                    {
                        foreach (var (measure, dim, value) in await sums.ReadDaysAsync(prefix, split.To, d.Today, daily.ToDictionary(m => source.DailyOfCapped[m], m => m, StringComparer.Ordinal), ct))
                        {
                            tally.Add(measure, dim, value);
                        }

                        await source.CountAsync(db, prefix, w with { FromUtc = d.TodayFromUtc }, daily, tally, ct);
                        counted = counted.Except(daily, StringComparer.Ordinal).ToList();
                    }
                }

                if (counted.Count > 0)
                {
                    await source.CountAsync(db, prefix, live, counted, tally, ct);
                }
            }
        }

        return tally;
    }
}
