using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Reports.Figures.Sums;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    /// <summary>The summed measures of one window: whole past months from the monthly sums, the rest from the records.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<(string Measure, string Dim), long> values = [];

        public void Add(string measure, string dim, long value) => values[(measure, dim)] = values.GetValueOrDefault((measure, dim)) + value;

        public long Get(string measure, string dim) => values.GetValueOrDefault((measure, dim));

        /// <summary>A measure by one dimension ("agency:", "severity:", ...), the dimension's value after the prefix.</summary>
        public Dictionary<string, long> By(string measure, string prefix) => values
            .Where(v => v.Key.Measure == measure && v.Key.Dim.StartsWith(prefix, StringComparison.Ordinal) && v.Value != 0)
            .ToDictionary(v => v.Key.Dim[prefix.Length..], v => v.Value, StringComparer.Ordinal);

        /// <summary>A measure's total over the dimension every record has exactly one value of.</summary>
        public long Total(string measure, string prefix) => By(measure, prefix).Values.Sum();

        /// <summary>Median of the answer times, in days (one decimal), from the count of cases per tenth of a day.</summary>
        public double? MedianDays()
        {
            var counts = By(SumMeasures.CasesAnswerTenths, "tenths:")
                .Select(x => (Tenths: long.Parse(x.Key, System.Globalization.CultureInfo.InvariantCulture), Count: x.Value))
                .Where(x => x.Count > 0).OrderBy(x => x.Tenths).ToList();
            var n = counts.Sum(x => x.Count);
            if (n == 0)
            {
                return null;
            }

            long At(long index)
            {
                foreach (var (tenths, count) in counts)
                {
                    if (index < count)
                    {
                        return tenths;
                    }

                    index -= count;
                }

                throw new InvalidOperationException("index past the histogram");
            }

            var median = n % 2 == 1 ? At(n / 2) : (At((n / 2) - 1) + At(n / 2)) / 2.0;
            return Math.Round(median / 10.0, 1, MidpointRounding.AwayFromZero);
        }
    }

    private static readonly string[] TallyMeasures = SumMeasures.All;

    private async Task<Tally> TallyAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        var tally = new Tally();
        var split = await sums.SplitAsync(w, ct);
        foreach (var (measure, dim, value) in await sums.ReadAsync(prefix, split, TallyMeasures, ct))
        {
            tally.Add(measure, dim, value);
        }

        if (split.LiveFromUtc < w.ToUtc)
        {
            await CountRecordsAsync(prefix, w with { FromUtc = split.LiveFromUtc }, tally, ct);
        }

        return tally;
    }

    /// <summary>The same measures as <see cref="SumContributions"/>, counted from the records of the window.</summary>
    private async Task CountRecordsAsync(string prefix, ReportWindow w, Tally tally, CancellationToken ct)
    {
        void Add(string measure, long? agencyId, Severity severity, long count)
        {
            tally.Add(measure, SumMeasures.Agency(agencyId), count);
            tally.Add(measure, SumMeasures.Severity(severity), count);
        }

        // Three queries, each along its own (UnitId, date) index, rather than one pass over every case of the subtree.
        var received = await queries.CasesReceived(prefix, w).GroupBy(x => new { x.AgencyId, x.Severity })
            .Select(g => new { g.Key.AgencyId, g.Key.Severity, Count = g.LongCount() }).ToListAsync(ct);
        foreach (var g in received)
        {
            Add(SumMeasures.CasesReceived, g.AgencyId, g.Severity, g.Count);
        }

        var answered = await queries.CasesAnswered(prefix, w).Select(x => new { x.AgencyId, x.Severity, x.CreatedAt, x.AnsweredAt }).ToListAsync(ct);
        foreach (var a in answered)
        {
            Add(SumMeasures.CasesAnswered, a.AgencyId, a.Severity, 1);
            tally.Add(SumMeasures.CasesAnswerTenths, SumMeasures.Tenths(SumMeasures.AnswerTenths(a.CreatedAt, a.AnsweredAt!.Value)), 1);
        }

        var due = await queries.CasesDue(prefix, w).GroupBy(x => new { x.AgencyId, x.Severity })
            .Select(g => new { g.Key.AgencyId, g.Key.Severity, Due = g.LongCount(), OnTime = g.LongCount(x => x.AnsweredAt != null && x.AnsweredAt <= x.DueAt) }).ToListAsync(ct);
        foreach (var g in due)
        {
            Add(SumMeasures.CasesDue, g.AgencyId, g.Severity, g.Due);
            Add(SumMeasures.CasesOnTime, g.AgencyId, g.Severity, g.OnTime);
        }

        var sources = await queries.ConcernsReceived(prefix, w).GroupBy(x => x.Source).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        foreach (var s in sources)
        {
            tally.Add(SumMeasures.ConcernsReceived, SumMeasures.Source(s.Key), s.Count);
        }

        tally.Add(SumMeasures.PostsPublished, string.Empty, await queries.PostsPublished(prefix, w).LongCountAsync(ct));
    }
}
