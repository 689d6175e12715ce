using DuLuan.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string TendencyLabel(Tendency tendency) => tendency switch
    {
        Tendency.Agree => "Đồng tình",
        Tendency.Disagree => "Không đồng tình",
        Tendency.Mixed => "Trái chiều",
        _ => "Chưa rõ",
    };

    private async Task<ReportSection> OpinionsAsync(Context c, CancellationToken ct)
    {
        var reports = await queries.OpinionReports(c.Prefix, c.Current).CountAsync(ct);
        var reportsBefore = await queries.OpinionReports(c.Prefix, c.Previous).CountAsync(ct);
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
            .Select(t => new FigureRow(t.Name, [t.Count, topicsBefore.GetValueOrDefault(t.Folded)], c.Drill(FigureKeys.Topic(t.Folded))))
            .ToList();

        var tendencyRows = Enum.GetValues<Tendency>()
            .Select(t => new FigureRow(
                TendencyLabel(t),
                [now.Where(g => g.Tendency == t).Sum(g => g.Count), before.Where(g => g.Tendency == t).Sum(g => g.Count)],
                c.Drill(FigureKeys.Tendency(t))))
            .ToList();

        var top = topicRows.Take(10).ToList();
        return new ReportSection(
            ReportKeys.Sections.Opinions,
            "Dư luận xã hội",
            [
                Count(c, ReportKeys.OpinionsReports, "Báo cáo dư luận xã hội", reports, reportsBefore),
                Count(c, ReportKeys.OpinionsStreams, "Luồng dư luận", streams, streamsBefore),
            ],
            [
                new FigureTable(ReportKeys.OpinionsByTopic, "Luồng dư luận theo chủ đề", [KyNay, KyTruoc], topicRows),
                new FigureTable(ReportKeys.OpinionsByTendency, "Luồng dư luận theo xu hướng", [KyNay, KyTruoc], tendencyRows),
            ],
            [
                new FigureChart(ReportKeys.OpinionsByTopic, "Chủ đề được quan tâm nhiều nhất", ChartKind.Bar, [.. top.Select(r => r.Label)],
                    [new ChartSeries(KyNay, [.. top.Select(r => r.Values[0] ?? 0)]), new ChartSeries(KyTruoc, [.. top.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.OpinionsByTendency, "Xu hướng dư luận", ChartKind.Pie, [.. tendencyRows.Select(r => r.Label)],
                    [new ChartSeries(KyNay, [.. tendencyRows.Select(r => r.Values[0] ?? 0)])]),
            ]);
    }

    private sealed record TopicCount(string Folded, string Name, int Count);

    private sealed record StreamGroup(long TopicId, Tendency Tendency, int Count);

    /// <summary>The period's streams by topic and tendency in one query: the count, the topic table and the tendency table all come from it.</summary>
    private async Task<List<StreamGroup>> StreamGroupsAsync(string prefix, ReportWindow w, CancellationToken ct)
        => await queries.OpinionStreams(prefix, w)
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
