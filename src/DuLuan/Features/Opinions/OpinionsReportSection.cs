using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>The report's section on opinion reports and their streams, by topic and by tendency.</summary>
public sealed class OpinionsReportSection(AppDbContext db) : IReportSection
{
    public string Key => ReportKeys.Sections.Opinions;

    public static string TopicKey(string folded) => ReportKeys.OpinionsByTopic + ":" + folded;

    public static string TendencyKey(Tendency tendency) => ReportKeys.OpinionsByTendency + ":" + tendency;

    public static string TendencyLabel(Tendency tendency) => tendency switch
    {
        Tendency.Agree => ReportWords.Of("Opinions.Report.Tendency.Agree"),
        Tendency.Disagree => ReportWords.Of("Opinions.Report.Tendency.Disagree"),
        Tendency.Mixed => ReportWords.Of("Opinions.Report.Tendency.Mixed"),
        _ => ReportWords.Of("Opinions.Report.Tendency.Unclear"),
    };

    public IQueryable<OpinionReport> Reports(string prefix, ReportWindow w)
        => db.OpinionReports.AsNoTracking()
            .Where(r => r.PeriodStart >= w.Start && r.PeriodStart <= w.End)
            .Join(ReportSubtree.Of(db, prefix), r => r.UnitId, u => u.Id, (r, u) => r);

    public IQueryable<OpinionStream> Streams(string prefix, ReportWindow w)
        => db.OpinionStreams.AsNoTracking().Join(Reports(prefix, w), s => s.ReportId, r => r.Id, (s, r) => s);

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var reports = await Reports(c.Prefix, c.Current).CountAsync(ct);
        var reportsBefore = await Reports(c.Prefix, c.Previous).CountAsync(ct);
        var now = await StreamGroupsAsync(c.Prefix, c.Current, ct);
        var before = await StreamGroupsAsync(c.Prefix, c.Previous, ct);
        var streams = now.Sum(g => g.Count);
        var streamsBefore = before.Sum(g => g.Count);

        var topicIds = now.Concat(before).Select(g => g.TopicId).Distinct().ToList();
        var topicNames = await db.OpinionTopics.AsNoTracking().Where(t => topicIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.NameFolded }).ToDictionaryAsync(t => t.Id, t => (t.Name, t.NameFolded), ct);
        var topics = ByTopic(now, topicNames);
        var topicsBefore = ByTopic(before, topicNames).ToDictionary(t => t.Folded, t => t.Count, StringComparer.Ordinal);
        var topicRows = topics
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new FigureRow(t.Name, [t.Count, topicsBefore.GetValueOrDefault(t.Folded)], c.Drill(TopicKey(t.Folded))))
            .ToList();

        var tendencyRows = Enum.GetValues<Tendency>()
            .Select(t => new FigureRow(
                TendencyLabel(t),
                [now.Where(g => g.Tendency == t).Sum(g => g.Count), before.Where(g => g.Tendency == t).Sum(g => g.Count)],
                c.Drill(TendencyKey(t))))
            .ToList();

        var top = topicRows.Take(10).ToList();
        string[] periods = [ReportSectionContext.ThisPeriod, ReportSectionContext.PreviousPeriod];
        return new ReportSection(
            ReportKeys.Sections.Opinions,
            ReportWords.Of("Opinions.Report.Title"),
            [
                c.Count(ReportKeys.OpinionsReports, ReportWords.Of("Opinions.Report.Reports"), reports, reportsBefore),
                c.Count(ReportKeys.OpinionsStreams, ReportWords.Of("Opinions.Report.Streams"), streams, streamsBefore),
            ],
            [
                new FigureTable(ReportKeys.OpinionsByTopic, ReportWords.Of("Opinions.Report.ByTopic"), periods, topicRows),
                new FigureTable(ReportKeys.OpinionsByTendency, ReportWords.Of("Opinions.Report.ByTendency"), periods, tendencyRows),
            ],
            [
                new FigureChart(ReportKeys.OpinionsByTopic, ReportWords.Of("Opinions.Report.TopTopics"), ChartKind.Bar, [.. top.Select(r => r.Label)],
                    [new ChartSeries(periods[0], [.. top.Select(r => r.Values[0] ?? 0)]), new ChartSeries(periods[1], [.. top.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.OpinionsByTendency, ReportWords.Of("Opinions.Report.Tendencies"), ChartKind.Pie, [.. tendencyRows.Select(r => r.Label)],
                    [new ChartSeries(periods[0], [.. tendencyRows.Select(r => r.Values[0] ?? 0)])]),
            ]);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.OpinionsReports, null) => new(k.Key, ReportWords.Of("Opinions.Report.Reports"), ReportRows(Reports(prefix, w)), false),
        (ReportKeys.OpinionsStreams, null) => new(k.Key, ReportWords.Of("Opinions.Report.Streams"), StreamRows(Streams(prefix, w)), false),
        (ReportKeys.OpinionsByTopic, { Length: > 0 } folded) => new(k.Key, ReportWords.Of("Opinions.Report.ByTopic"), StreamRows(Streams(prefix, w).Where(s => s.Topic!.NameFolded == folded)), false),
        (ReportKeys.OpinionsByTendency, { } t) when Enum.TryParse<Tendency>(t, false, out var tendency) && Enum.IsDefined(tendency) && !char.IsDigit(t[0])
            => new(k.Key, ReportWords.Of("Opinions.Report.StreamsOfTendency", TendencyLabel(tendency)), StreamRows(Streams(prefix, w).Where(s => s.Tendency == tendency)), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "report" ? "/Opinions/Report?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;

    private static IQueryable<DrillRow> ReportRows(IQueryable<OpinionReport> reports)
        => reports.OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id)
            .Select(r => new DrillRow("report", r.Id, "", null, r.PeriodStart, r.UnitId, null));

    private IQueryable<DrillRow> StreamRows(IQueryable<OpinionStream> streams)
        => streams.Join(db.OpinionReports, s => s.ReportId, r => r.Id, (s, r) => new { s, r })
            .OrderByDescending(x => x.r.PeriodStart).ThenByDescending(x => x.s.Id)
            .Select(x => new DrillRow("report", x.r.Id, x.s.Topic!.Name + ": " + x.s.Summary, null, x.r.PeriodStart, x.r.UnitId, null));

    private sealed record TopicCount(string Folded, string Name, int Count);

    private sealed record StreamGroup(long TopicId, Tendency Tendency, int Count);

    /// <summary>The period's streams by topic and tendency in one query: the count, the topic table and the tendency table all come from it.</summary>
    private async Task<List<StreamGroup>> StreamGroupsAsync(string prefix, ReportWindow w, CancellationToken ct)
        => await Streams(prefix, w)
            .GroupBy(s => new { s.TopicId, s.Tendency })
            .Select(g => new StreamGroup(g.Key.TopicId, g.Key.Tendency, g.Count()))
            .ToListAsync(ct);

    /// <summary>Topics with the same folded name (one per unit) are one row, named by the greatest spelling.</summary>
    private static List<TopicCount> ByTopic(List<StreamGroup> groups, Dictionary<long, (string Name, string NameFolded)> names)
        => groups.Where(g => names.ContainsKey(g.TopicId))
            .GroupBy(g => names[g.TopicId].NameFolded, StringComparer.Ordinal)
            .Select(x => new TopicCount(x.Key, x.Select(g => names[g.TopicId].Name).Max(StringComparer.Ordinal)!, x.Sum(g => g.Count)))
            .ToList();
}
