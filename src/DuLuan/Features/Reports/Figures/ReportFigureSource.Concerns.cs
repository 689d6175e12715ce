using DuLuan.Features.Cases;
using DuLuan.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Urgent => "Kh\u1ea9n",
        Severity.Complex => "Ph\u1ee9c t\u1ea1p",
        _ => "Th\u00f4ng th\u01b0\u1eddng",
    };

    public static string SourceLabel(ConcernSource source) => source switch
    {
        ConcernSource.Portal => "C\u1ed5ng th\u00f4ng tin",
        ConcernSource.OpinionReport => "B\u00e1o c\u00e1o d\u01b0 lu\u1eadn",
        ConcernSource.Phone => "\u0110i\u1ec7n tho\u1ea1i",
        ConcernSource.Paper => "V\u0103n b\u1ea3n",
        ConcernSource.Meeting => "Ti\u1ebfp x\u00fac, h\u1ed9i ngh\u1ecb",
        ConcernSource.Open311 => "Open311",
        _ => "C\u00e1n b\u1ed9 nh\u1eadp",
    };

    private sealed record CaseCounts(long Received, long Answered, long Due, long OnTime);

    private async Task<ReportSection> ConcernsAsync(Context c, CancellationToken ct)
    {
        var concerns = await queries.ConcernsReceived(c.Prefix, c.Current).LongCountAsync(ct);
        var concernsBefore = await queries.ConcernsReceived(c.Prefix, c.Previous).LongCountAsync(ct);
        var now = await CaseCountsAsync(c.Prefix, c.Current, ct);
        var before = await CaseCountsAsync(c.Prefix, c.Previous, ct);
        var median = await MedianDaysAsync(c.Prefix, c.Current, ct);
        var medianBefore = await MedianDaysAsync(c.Prefix, c.Previous, ct);

        var figures = new List<Figure>
        {
            Count(c, ReportKeys.ConcernsReceived, "Ph\u1ea3n \u00e1nh, ki\u1ebfn ngh\u1ecb ti\u1ebfp nh\u1eadn", concerns, concernsBefore),
            Count(c, ReportKeys.ConcernsCases, "V\u1ee5 vi\u1ec7c t\u1ea1o m\u1edbi", now.Received, before.Received),
            Count(c, ReportKeys.ConcernsAnswered, "V\u1ee5 vi\u1ec7c \u0111\u00e3 tr\u1ea3 l\u1eddi", now.Answered, before.Answered),
            new(ReportKeys.ConcernsOnTimePercent, "Tr\u1ea3 l\u1eddi \u0111\u00fang h\u1ea1n", Percent(now.OnTime, now.Due), Percent(before.OnTime, before.Due), FigureKind.Percent, c.Drill(FigureKeys.CasesDue)),
            Count(c, ReportKeys.ConcernsOverdue, "V\u1ee5 vi\u1ec7c qu\u00e1 h\u1ea1n", now.Due - now.OnTime, before.Due - before.OnTime),
            new(ReportKeys.ConcernsMedianDays, "Th\u1eddi gian tr\u1ea3 l\u1eddi (trung v\u1ecb, ng\u00e0y)", median, medianBefore, FigureKind.Days, c.Drill(ReportKeys.ConcernsAnswered)),
        };

        var agencyRows = await GroupRowsAsync(c, x => x.AgencyId ?? 0L, ct);
        var agencyIds = agencyRows.Keys.Where(k => k != 0).ToList();
        var agencyNames = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byAgency = agencyRows
            .Select(r => new FigureRow(r.Key != 0 ? agencyNames.GetValueOrDefault(r.Key, "#" + r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "Ch\u01b0a giao c\u01a1 quan", r.Value, c.Drill(FigureKeys.Agency(r.Key == 0 ? null : r.Key))))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var severityRows = await GroupRowsAsync(c, x => x.Severity, ct);
        var byCategory = Enum.GetValues<Severity>()
            .Select(s => new FigureRow(SeverityLabel(s), severityRows.GetValueOrDefault(s, [0, 0, null, 0]), c.Drill(FigureKeys.Category(s))))
            .ToList();

        var sources = await queries.ConcernsReceived(c.Prefix, c.Current).GroupBy(x => x.Source).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var sourcesBefore = await queries.ConcernsReceived(c.Prefix, c.Previous).GroupBy(x => x.Source).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var bySource = Enum.GetValues<ConcernSource>()
            .Select(s => new FigureRow(SourceLabel(s), [sources.FirstOrDefault(x => x.Key == s)?.Count ?? 0, sourcesBefore.FirstOrDefault(x => x.Key == s)?.Count ?? 0], c.Drill(FigureKeys.Source(s))))
            .Where(r => r.Values.Any(v => v > 0))
            .ToList();

        string[] columns = ["V\u1ee5 vi\u1ec7c t\u1ea1o m\u1edbi", "\u0110\u00e3 tr\u1ea3 l\u1eddi", "\u0110\u00fang h\u1ea1n (%)", "Qu\u00e1 h\u1ea1n"];
        var topAgencies = byAgency.Take(10).ToList();
        return new ReportSection(
            ReportKeys.Sections.Concerns,
            "Ti\u1ebfp nh\u1eadn, x\u1eed l\u00fd ph\u1ea3n \u00e1nh, ki\u1ebfn ngh\u1ecb",
            figures,
            [
                new FigureTable(ReportKeys.ConcernsByAgency, "Theo c\u01a1 quan x\u1eed l\u00fd", columns, byAgency),
                new FigureTable(ReportKeys.ConcernsByCategory, "Theo t\u00ednh ch\u1ea5t v\u1ee5 vi\u1ec7c", columns, byCategory),
                new FigureTable("concerns.by_source", "Ph\u1ea3n \u00e1nh theo k\u00eanh ti\u1ebfp nh\u1eadn", [KyNay, KyTruoc], bySource),
            ],
            [
                new FigureChart(ReportKeys.ConcernsByAgency, "V\u1ee5 vi\u1ec7c theo c\u01a1 quan x\u1eed l\u00fd", ChartKind.Bar, [.. topAgencies.Select(r => r.Label)],
                    [new ChartSeries(columns[0], [.. topAgencies.Select(r => r.Values[0] ?? 0)]), new ChartSeries(columns[1], [.. topAgencies.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.ConcernsOnTimePercent, "Tr\u1ea3 l\u1eddi \u0111\u00fang h\u1ea1n v\u00e0 qu\u00e1 h\u1ea1n", ChartKind.Pie, ["\u0110\u00fang h\u1ea1n", "Qu\u00e1 h\u1ea1n"],
                    [new ChartSeries(KyNay, [now.OnTime, now.Due - now.OnTime])]),
            ]);
    }

    private async Task<CaseCounts> CaseCountsAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        var received = await queries.CasesReceived(prefix, w).LongCountAsync(ct);
        var answered = await queries.CasesAnswered(prefix, w).LongCountAsync(ct);
        var due = await queries.CasesDue(prefix, w).LongCountAsync(ct);
        var onTime = await queries.CasesOnTime(prefix, w).LongCountAsync(ct);
        return new CaseCounts(received, answered, due, onTime);
    }

    /// <summary>Per group: created, answered, on-time % and overdue, for the current period.</summary>
    private async Task<Dictionary<TKey, IReadOnlyList<double?>>> GroupRowsAsync<TKey>(Context c, System.Linq.Expressions.Expression<Func<Case, TKey>> key, CancellationToken ct)
        where TKey : notnull
    {
        var received = await queries.CasesReceived(c.Prefix, c.Current).GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var answered = await queries.CasesAnswered(c.Prefix, c.Current).GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var due = await queries.CasesDue(c.Prefix, c.Current).GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var onTime = await queries.CasesOnTime(c.Prefix, c.Current).GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var keys = received.Select(x => x.Key).Concat(answered.Select(x => x.Key)).Concat(due.Select(x => x.Key)).Distinct().ToList();
        return keys.ToDictionary(k => k, k =>
        {
            var r = received.FirstOrDefault(x => Equals(x.Key, k))?.Count ?? 0;
            var a = answered.FirstOrDefault(x => Equals(x.Key, k))?.Count ?? 0;
            var d = due.FirstOrDefault(x => Equals(x.Key, k))?.Count ?? 0;
            var o = onTime.FirstOrDefault(x => Equals(x.Key, k))?.Count ?? 0;
            return (IReadOnlyList<double?>)[r, a, Percent(o, d), d - o];
        });
    }

    /// <summary>Median calendar days from creation to answer of the cases answered in the period, one decimal.</summary>
    private async Task<double?> MedianDaysAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        var spans = await queries.CasesAnswered(prefix, w).Select(x => new { x.CreatedAt, x.AnsweredAt }).ToListAsync(ct);
        if (spans.Count == 0)
        {
            return null;
        }

        var days = spans.Select(s => (s.AnsweredAt!.Value - s.CreatedAt).TotalDays).Order().ToList();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return Math.Round(median, 1);
    }
}
