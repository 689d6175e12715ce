using DuLuan.Features.Cases;
using DuLuan.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Urgent => "Khẩn",
        Severity.Complex => "Phức tạp",
        _ => "Thông thường",
    };

    public static string SourceLabel(ConcernSource source) => source switch
    {
        ConcernSource.Portal => "Cổng thông tin",
        ConcernSource.OpinionReport => "Báo cáo dư luận",
        ConcernSource.Phone => "Điện thoại",
        ConcernSource.Paper => "Văn bản",
        ConcernSource.Meeting => "Tiếp xúc, hội nghị",
        ConcernSource.Open311 => "Open311",
        _ => "Cán bộ nhập",
    };

    private sealed record CaseCounts(long Received, long Answered, long Due, long OnTime);

    private async Task<ReportSection> ConcernsAsync(Context c, CancellationToken ct)
    {
        var concerns = await queries.ConcernsReceived(c.Prefix, c.Current).LongCountAsync(ct);
        var concernsBefore = await queries.ConcernsReceived(c.Prefix, c.Previous).LongCountAsync(ct);
        var (now, before) = await CaseCountsAsync(c.Prefix, c.Current, c.Previous, ct);
        var median = await MedianDaysAsync(c.Prefix, c.Current, ct);
        var medianBefore = await MedianDaysAsync(c.Prefix, c.Previous, ct);

        var figures = new List<Figure>
        {
            Count(c, ReportKeys.ConcernsReceived, "Phản ánh, kiến nghị tiếp nhận", concerns, concernsBefore),
            Count(c, ReportKeys.ConcernsCases, "Vụ việc tạo mới", now.Received, before.Received),
            Count(c, ReportKeys.ConcernsAnswered, "Vụ việc đã trả lời", now.Answered, before.Answered),
            new(ReportKeys.ConcernsOnTimePercent, "Trả lời đúng hạn", Percent(now.OnTime, now.Due), Percent(before.OnTime, before.Due), FigureKind.Percent, c.Drill(FigureKeys.CasesDue)),
            Count(c, ReportKeys.ConcernsOverdue, "Vụ việc quá hạn", now.Due - now.OnTime, before.Due - before.OnTime),
            new(ReportKeys.ConcernsMedianDays, "Thời gian trả lời (trung vị, ngày)", median, medianBefore, FigureKind.Days, c.Drill(ReportKeys.ConcernsAnswered)),
        };

        var agencyRows = await GroupRowsAsync(c, x => x.AgencyId ?? 0L, ct);
        var agencyIds = agencyRows.Keys.Where(k => k != 0).ToList();
        var agencyNames = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byAgency = agencyRows
            .Select(r => new FigureRow(r.Key != 0 ? agencyNames.GetValueOrDefault(r.Key, "#" + r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "Chưa giao cơ quan", r.Value, c.Drill(FigureKeys.Agency(r.Key == 0 ? null : r.Key))))
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

        string[] columns = ["Vụ việc tạo mới", "Đã trả lời", "Đúng hạn (%)", "Quá hạn"];
        var topAgencies = byAgency.Take(10).ToList();
        return new ReportSection(
            ReportKeys.Sections.Concerns,
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            figures,
            [
                new FigureTable(ReportKeys.ConcernsByAgency, "Theo cơ quan xử lý", columns, byAgency),
                new FigureTable(ReportKeys.ConcernsByCategory, "Theo tính chất vụ việc", columns, byCategory),
                new FigureTable("concerns.by_source", "Phản ánh theo kênh tiếp nhận", [KyNay, KyTruoc], bySource),
            ],
            [
                new FigureChart(ReportKeys.ConcernsByAgency, "Vụ việc theo cơ quan xử lý", ChartKind.Bar, [.. topAgencies.Select(r => r.Label)],
                    [new ChartSeries(columns[0], [.. topAgencies.Select(r => r.Values[0] ?? 0)]), new ChartSeries(columns[1], [.. topAgencies.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.ConcernsOnTimePercent, "Trả lời đúng hạn và quá hạn", ChartKind.Pie, ["Đúng hạn", "Quá hạn"],
                    [new ChartSeries(KyNay, [now.OnTime, now.Due - now.OnTime])]),
            ]);
    }

    /// <summary>
    /// Both periods in one pass over the cases of the subtree touched by either (the previous period ends where the
    /// current one starts); each count is the same predicate as its <see cref="FigureQueries"/> list.
    /// </summary>
    private async Task<(CaseCounts Now, CaseCounts Before)> CaseCountsAsync(string prefix, ReportWindow w, ReportWindow p, CancellationToken ct)
    {
        DateTime from = p.FromUtc, split = w.FromUtc, to = w.ToUtc, now = w.NowUtc;
        var counts = await queries.Cases(prefix)
            .Where(x => (x.CreatedAt >= from && x.CreatedAt < to) || (x.AnsweredAt >= from && x.AnsweredAt < to) || (x.DueAt >= from && x.DueAt < to))
            .GroupBy(x => 1)
            .Select(g => new
            {
                R1 = g.LongCount(x => x.CreatedAt >= split && x.CreatedAt < to),
                R0 = g.LongCount(x => x.CreatedAt >= from && x.CreatedAt < split),
                A1 = g.LongCount(x => x.AnsweredAt >= split && x.AnsweredAt < to),
                A0 = g.LongCount(x => x.AnsweredAt >= from && x.AnsweredAt < split),
                D1 = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= split && x.DueAt < to && x.DueAt <= now),
                D0 = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= from && x.DueAt < split && x.DueAt <= now),
                O1 = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= split && x.DueAt < to && x.DueAt <= now && x.AnsweredAt != null && x.AnsweredAt <= x.DueAt),
                O0 = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= from && x.DueAt < split && x.DueAt <= now && x.AnsweredAt != null && x.AnsweredAt <= x.DueAt),
            })
            .FirstOrDefaultAsync(ct);
        return counts is null
            ? (new CaseCounts(0, 0, 0, 0), new CaseCounts(0, 0, 0, 0))
            : (new CaseCounts(counts.R1, counts.A1, counts.D1, counts.O1), new CaseCounts(counts.R0, counts.A0, counts.D0, counts.O0));
    }

    /// <summary>Per group, in one pass: created, answered, on-time % and overdue, for the current period.</summary>
    private async Task<Dictionary<TKey, IReadOnlyList<double?>>> GroupRowsAsync<TKey>(Context c, System.Linq.Expressions.Expression<Func<Case, TKey>> key, CancellationToken ct)
        where TKey : notnull
    {
        DateTime from = c.Current.FromUtc, to = c.Current.ToUtc, now = c.Current.NowUtc;
        var rows = await queries.Cases(c.Prefix)
            .Where(x => (x.CreatedAt >= from && x.CreatedAt < to) || (x.AnsweredAt >= from && x.AnsweredAt < to) || (x.DueAt >= from && x.DueAt < to))
            .GroupBy(key)
            .Select(g => new
            {
                g.Key,
                R = g.LongCount(x => x.CreatedAt >= from && x.CreatedAt < to),
                A = g.LongCount(x => x.AnsweredAt >= from && x.AnsweredAt < to),
                D = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= from && x.DueAt < to && x.DueAt <= now),
                O = g.LongCount(x => x.Status != CaseStatus.Rejected && x.DueAt >= from && x.DueAt < to && x.DueAt <= now && x.AnsweredAt != null && x.AnsweredAt <= x.DueAt),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.R + r.A + r.D > 0).ToDictionary(r => r.Key, r => (IReadOnlyList<double?>)[r.R, r.A, Percent(r.O, r.D), r.D - r.O]);
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
