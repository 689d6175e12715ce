using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Reports.Figures.Sums;
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

    private static CaseCounts Counts(Tally t, string dim) => new(
        t.Get(SumMeasures.CasesReceived, dim), t.Get(SumMeasures.CasesAnswered, dim), t.Get(SumMeasures.CasesDue, dim), t.Get(SumMeasures.CasesOnTime, dim));

    private static CaseCounts Totals(Tally t) => new(
        t.Total(SumMeasures.CasesReceived, SeverityPrefix), t.Total(SumMeasures.CasesAnswered, SeverityPrefix), t.Total(SumMeasures.CasesDue, SeverityPrefix), t.Total(SumMeasures.CasesOnTime, SeverityPrefix));

    private const string SeverityPrefix = "severity:";
    private const string AgencyPrefix = "agency:";

    private static IReadOnlyList<double?> Row(CaseCounts c) => [c.Received, c.Answered, Percent(c.OnTime, c.Due), c.Due - c.OnTime];

    private static bool Any(CaseCounts c) => c.Received + c.Answered + c.Due > 0;

    private async Task<ReportSection> ConcernsAsync(Context c, CancellationToken ct)
    {
        var (tally, tallyBefore) = (c.Now, c.Before);
        var concerns = tally.Total(SumMeasures.ConcernsReceived, "source:");
        var concernsBefore = tallyBefore.Total(SumMeasures.ConcernsReceived, "source:");
        var (now, before) = (Totals(tally), Totals(tallyBefore));

        var figures = new List<Figure>
        {
            Count(c, ReportKeys.ConcernsReceived, "Phản ánh, kiến nghị tiếp nhận", concerns, concernsBefore),
            Count(c, ReportKeys.ConcernsCases, "Vụ việc tạo mới", now.Received, before.Received),
            Count(c, ReportKeys.ConcernsAnswered, "Vụ việc đã trả lời", now.Answered, before.Answered),
            new(ReportKeys.ConcernsOnTimePercent, "Trả lời đúng hạn", Percent(now.OnTime, now.Due), Percent(before.OnTime, before.Due), FigureKind.Percent, c.Drill(FigureKeys.CasesDue)),
            Count(c, ReportKeys.ConcernsOverdue, "Vụ việc quá hạn", now.Due - now.OnTime, before.Due - before.OnTime),
            new(ReportKeys.ConcernsMedianDays, "Thời gian trả lời (trung vị, ngày)", tally.MedianDays(), tallyBefore.MedianDays(), FigureKind.Days, c.Drill(ReportKeys.ConcernsAnswered)),
        };

        var agencyRows = tally.By(SumMeasures.CasesReceived, AgencyPrefix).Keys
            .Union(tally.By(SumMeasures.CasesAnswered, AgencyPrefix).Keys).Union(tally.By(SumMeasures.CasesDue, AgencyPrefix).Keys)
            .Select(k => (Id: long.Parse(k, System.Globalization.CultureInfo.InvariantCulture), Counts: Counts(tally, AgencyPrefix + k)))
            .Where(r => Any(r.Counts))
            .ToList();
        var agencyIds = agencyRows.Select(r => r.Id).Where(k => k != 0).ToList();
        var agencyNames = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byAgency = agencyRows
            .Select(r => new FigureRow(r.Id != 0 ? agencyNames.GetValueOrDefault(r.Id, "#" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "Chưa giao cơ quan", Row(r.Counts), c.Drill(FigureKeys.Agency(r.Id == 0 ? null : r.Id))))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var byCategory = Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Counts: Counts(tally, SumMeasures.Severity(s))))
            .Select(x => new FigureRow(SeverityLabel(x.Severity), Any(x.Counts) ? Row(x.Counts) : [0, 0, null, 0], c.Drill(FigureKeys.Category(x.Severity))))
            .ToList();

        var bySource = Enum.GetValues<ConcernSource>()
            .Select(s => new FigureRow(SourceLabel(s), [tally.Get(SumMeasures.ConcernsReceived, SumMeasures.Source(s)), tallyBefore.Get(SumMeasures.ConcernsReceived, SumMeasures.Source(s))], c.Drill(FigureKeys.Source(s))))
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
}
