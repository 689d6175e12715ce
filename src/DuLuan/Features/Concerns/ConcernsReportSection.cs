using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Features.Concerns.ConcernsReportSums;
using CaseSeverity = DuLuan.Features.Concerns.Cases.Severity;
using Q = DuLuan.Features.Concerns.ConcernsReportQueries;

namespace DuLuan.Features.Concerns;

/// <summary>The report's section on concerns received and cases handled, from the monthly sums of <see cref="ConcernsReportSums"/>.</summary>
public sealed partial class ConcernsReportSection(AppDbContext db, Routing.CategoryCatalog catalog) : IReportSection
{
    /// <summary>Drill-down keys of the cases behind the on-time percentage.</summary>
    public const string CasesDueKey = "concerns.due";
    public const string CasesOnTimeKey = "concerns.on_time";
    public const string BySourceKey = "concerns.by_source";
    public const string BySeverityKey = "concerns.by_severity";
    private const string CategoryPrefix = "category:";

    public string Key => ReportKeys.Sections.Concerns;

    public static string AgencyKey(long? agencyId) => ReportKeys.ConcernsByAgency + ":" + (agencyId?.ToString(CultureInfo.InvariantCulture) ?? "none");

    public static string SeverityKey(Severity severity) => BySeverityKey + ":" + severity;

    public static string CategoryKey(string? category) => ReportKeys.ConcernsByCategory + ":" + (category ?? "none");

    public static string SourceKey(ConcernSource source) => BySourceKey + ":" + source;

    public static string SeverityLabel(Severity severity) => severity switch
    {
        CaseSeverity.Urgent => ReportWords.Of("Cases.Report.Severity.Urgent"),
        CaseSeverity.Complex => ReportWords.Of("Cases.Report.Severity.Complex"),
        _ => ReportWords.Of("Cases.Report.Severity.Normal"),
    };

    public static string SourceLabel(ConcernSource source) => source switch
    {
        ConcernSource.Portal => ReportWords.Of("Cases.Report.Source.Portal"),
        ConcernSource.OpinionReport => ReportWords.Of("Cases.Report.Source.OpinionReport"),
        ConcernSource.Phone => ReportWords.Of("Cases.Report.Source.Phone"),
        ConcernSource.Paper => ReportWords.Of("Cases.Report.Source.Paper"),
        ConcernSource.Meeting => ReportWords.Of("Cases.Report.Source.Meeting"),
        ConcernSource.Open311 => "Open311",
        _ => ReportWords.Of("Cases.Report.Source.Staff"),
    };

    private sealed record CaseCounts(long Received, long Answered, long Due, long OnTime);

    private static CaseCounts Counts(SumTally t, string dim) => new(
        t.Get(CasesReceived, dim), t.Get(CasesAnswered, dim), t.Get(CasesDue, dim), t.Get(CasesOnTime, dim));

    private static CaseCounts Totals(SumTally t) => new(
        t.Total(CasesReceived, SeverityPrefix), t.Total(CasesAnswered, SeverityPrefix), t.Total(CasesDue, SeverityPrefix), t.Total(CasesOnTime, SeverityPrefix));

    private const string SeverityPrefix = "severity:";
    private const string AgencyPrefix = "agency:";

    private static IReadOnlyList<double?> Row(CaseCounts c) => [c.Received, c.Answered, ReportSectionContext.Percent(c.OnTime, c.Due), c.Due - c.OnTime];

    private static bool Any(CaseCounts c) => c.Received + c.Answered + c.Due > 0;

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var (tally, tallyBefore) = (c.Now, c.Before);
        var concerns = tally.Total(ConcernsReceived, "source:");
        var concernsBefore = tallyBefore.Total(ConcernsReceived, "source:");
        var (now, before) = (Totals(tally), Totals(tallyBefore));

        var figures = new List<Figure>
        {
            c.Count(ReportKeys.ConcernsReceived, ReportWords.Of("Cases.Report.Received"), concerns, concernsBefore),
            c.Count(ReportKeys.ConcernsCases, ReportWords.Of("Cases.Report.New"), now.Received, before.Received),
            c.Count(ReportKeys.ConcernsAnswered, ReportWords.Of("Cases.Report.Answered"), now.Answered, before.Answered),
            new(ReportKeys.ConcernsOnTimePercent, ReportWords.Of("Cases.Report.OnTimePercent"), ReportSectionContext.Percent(now.OnTime, now.Due), ReportSectionContext.Percent(before.OnTime, before.Due), FigureKind.Percent, c.Drill(CasesDueKey)),
            c.Count(ReportKeys.ConcernsOverdue, ReportWords.Of("Cases.Report.Overdue"), now.Due - now.OnTime, before.Due - before.OnTime),
            new(ReportKeys.ConcernsMedianDays, ReportWords.Of("Cases.Report.MedianDays"), MedianDays(tally), MedianDays(tallyBefore), FigureKind.Days, c.Drill(ReportKeys.ConcernsAnswered)),
        };

        var agencyRows = tally.By(CasesReceived, AgencyPrefix).Keys
            .Union(tally.By(CasesAnswered, AgencyPrefix).Keys).Union(tally.By(CasesDue, AgencyPrefix).Keys)
            .Select(k => (Id: long.Parse(k, CultureInfo.InvariantCulture), Counts: Counts(tally, AgencyPrefix + k)))
            .Where(r => Any(r.Counts))
            .ToList();
        var agencyIds = agencyRows.Select(r => r.Id).Where(k => k != 0).ToList();
        var agencyNames = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byAgency = agencyRows
            .Select(r => new FigureRow(r.Id != 0 ? agencyNames.GetValueOrDefault(r.Id, "#" + r.Id.ToString(CultureInfo.InvariantCulture)) : ReportWords.Of("Cases.Report.NoAgency"), Row(r.Counts), c.Drill(AgencyKey(r.Id == 0 ? null : r.Id))))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var bySeverity = Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Counts: Counts(tally, ConcernsReportSums.Severity(s))))
            .Select(x => new FigureRow(SeverityLabel(x.Severity), Any(x.Counts) ? Row(x.Counts) : [0, 0, null, 0], c.Drill(SeverityKey(x.Severity))))
            .ToList();

        // Every category of the place's list in its order (0 where none), then keys of other lists met in the subtree, then "none".
        var list = await catalog.ForUnitAsync(c.Unit.Id, includeRetired: true, ct);
        var counted = tally.By(CasesReceived, CategoryPrefix).Keys.Union(tally.By(CasesAnswered, CategoryPrefix).Keys).Union(tally.By(CasesDue, CategoryPrefix).Keys).ToList();
        var keys = list.Where(k => !k.Retired || counted.Contains(k.Key)).Select(k => k.Key)
            .Concat(counted.Where(k => k != "none" && list.All(l => l.Key != k)).Order(StringComparer.Ordinal))
            .Concat(counted.Contains("none") ? ["none"] : [])
            .ToList();
        var byCategory = keys
            .Select(k => (Key: k, Counts: Counts(tally, CategoryPrefix + k)))
            .Select(x => new FigureRow(x.Key == "none" ? ReportWords.Of("Routing.Report.NoCategory") : list.FirstOrDefault(l => l.Key == x.Key)?.NameVi ?? x.Key,
                Any(x.Counts) ? Row(x.Counts) : [0, 0, null, 0], c.Drill(CategoryKey(x.Key == "none" ? null : x.Key)),
                x.Key == "none" ? new Message("Routing.Report.NoCategory").English : list.FirstOrDefault(l => l.Key == x.Key)?.NameEn ?? x.Key))
            .ToList();

        var bySource = Enum.GetValues<ConcernSource>()
            .Select(s => new FigureRow(SourceLabel(s), [tally.Get(ConcernsReceived, Source(s)), tallyBefore.Get(ConcernsReceived, Source(s))], c.Drill(SourceKey(s))))
            .Where(r => r.Values.Any(v => v > 0))
            .ToList();

        string[] columns = [ReportWords.Of("Cases.Report.New"), ReportWords.Of("Cases.Report.AnsweredColumn"), ReportWords.Of("Cases.Report.OnTimePercentColumn"), ReportWords.Of("Cases.Report.OverdueColumn")];
        var topAgencies = byAgency.Take(10).ToList();
        return new ReportSection(
            ReportKeys.Sections.Concerns,
            ReportWords.Of("Cases.Report.Title"),
            figures,
            [
                new FigureTable(ReportKeys.ConcernsByAgency, ReportWords.Of("Cases.Report.ByAgency"), columns, byAgency),
                new FigureTable(ReportKeys.ConcernsByCategory, ReportWords.Of("Routing.Report.ByCategory"), columns, byCategory),
                new FigureTable(BySeverityKey, ReportWords.Of("Cases.Report.ByCategory"), columns, bySeverity),
                new FigureTable(BySourceKey, ReportWords.Of("Cases.Report.BySource"), [ReportSectionContext.ThisPeriod, ReportSectionContext.PreviousPeriod], bySource),
            ],
            [
                new FigureChart(ReportKeys.ConcernsByAgency, ReportWords.Of("Cases.Report.CasesByAgency"), ChartKind.Bar, [.. topAgencies.Select(r => r.Label)],
                    [new ChartSeries(columns[0], [.. topAgencies.Select(r => r.Values[0] ?? 0)]), new ChartSeries(columns[1], [.. topAgencies.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.ConcernsOnTimePercent, ReportWords.Of("Cases.Report.OnTimeAndOverdue"), ChartKind.Pie, [ReportWords.Of("Cases.Report.OnTime"), ReportWords.Of("Cases.Report.OverdueColumn")],
                    [new ChartSeries(ReportSectionContext.ThisPeriod, [now.OnTime, now.Due - now.OnTime])]),
            ]);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.ConcernsReceived, null) => new(k.Key, ReportWords.Of("Cases.Report.Received"), Concerns(Q.ConcernsReceived(db, prefix, w)), false),
        (BySourceKey, { } s) when Enum.TryParse<ConcernSource>(s, false, out var source) && Enum.IsDefined(source) && !char.IsDigit(s[0])
            => new(k.Key, ReportWords.Of("Cases.Report.Via", SourceLabel(source)), Concerns(Q.ConcernsReceived(db, prefix, w).Where(c => c.Source == source)), false),
        (ReportKeys.ConcernsCases, null) => new(k.Key, ReportWords.Of("Cases.Report.New"), Cases(Q.CasesReceived(db, prefix, w), c => c.CreatedAt), false),
        (ReportKeys.ConcernsAnswered or ReportKeys.ConcernsMedianDays, null) => new(k.Key, ReportWords.Of("Cases.Report.Answered"), Cases(Q.CasesAnswered(db, prefix, w), c => c.AnsweredAt), false),
        (CasesDueKey or ReportKeys.ConcernsOnTimePercent, null) => new(k.Key, ReportWords.Of("Cases.Report.Due"), Cases(Q.CasesDue(db, prefix, w), c => c.DueAt), false),
        (CasesOnTimeKey, null) => new(k.Key, ReportWords.Of("Cases.Report.AnsweredOnTime"), Cases(Q.CasesOnTime(db, prefix, w), c => c.DueAt), false),
        (ReportKeys.ConcernsOverdue, null) => new(k.Key, ReportWords.Of("Cases.Report.Overdue"), Cases(Q.CasesOverdue(db, prefix, w), c => c.DueAt), false),
        (ReportKeys.ConcernsByAgency, "none") => new(k.Key, ReportWords.Of("Cases.Report.Unassigned"), Cases(Q.CasesReceived(db, prefix, w).Where(c => c.AgencyId == null), c => c.CreatedAt), false),
        (ReportKeys.ConcernsByAgency, { } a) when long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var agency) && agency > 0
            => new(k.Key, ReportWords.Of("Cases.Report.NewByAgency"), Cases(Q.CasesReceived(db, prefix, w).Where(c => c.AgencyId == agency), c => c.CreatedAt), false),
        (BySeverityKey, { } s) when Enum.TryParse<Severity>(s, false, out var severity) && Enum.IsDefined(severity) && !char.IsDigit(s[0])
            => new(k.Key, ReportWords.Of("Cases.Report.NewOfKind", SeverityLabel(severity)), Cases(Q.CasesReceived(db, prefix, w).Where(c => c.Severity == severity), c => c.CreatedAt), false),
        (ReportKeys.ConcernsByCategory, "none") => new(k.Key, ReportWords.Of("Routing.Report.DrillNone"), Cases(Q.CasesReceived(db, prefix, w).Where(c => c.Category == null), c => c.CreatedAt), false),
        (ReportKeys.ConcernsByCategory, { } key) when key.Length <= Routing.Category.MaxKeyLength && CategoryKeyPattern().IsMatch(key)
            => new(k.Key, ReportWords.Of("Routing.Report.Drill", db.Categories.AsNoTracking().Where(c => c.Key == key).OrderBy(c => c.Id).Select(c => c.NameVi).FirstOrDefault() ?? key), Cases(Q.CasesReceived(db, prefix, w).Where(c => c.Category == key), c => c.CreatedAt), false),
        _ => null,
    };

    public string? Link(DrillRow row) => row.Kind switch
    {
        "case" => "/Cases/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture),
        "concern" => "/Concerns/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex CategoryKeyPattern();

    private static IQueryable<DrillRow> Concerns(IQueryable<Concern> concerns)
        => concerns.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("concern", c.Id, c.Title, c.ReceivedAt, null, c.UnitId, null));

    private static IQueryable<DrillRow> Cases(IQueryable<Case> cases, System.Linq.Expressions.Expression<Func<Case, DateTime?>> when)
        => cases.OrderByDescending(when).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("case", c.Id, c.Title, c.CreatedAt, null, c.UnitId, null));
}
