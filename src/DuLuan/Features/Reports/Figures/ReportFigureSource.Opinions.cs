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
        var streams = await queries.OpinionStreams(c.Prefix, c.Current).CountAsync(ct);
        var streamsBefore = await queries.OpinionStreams(c.Prefix, c.Previous).CountAsync(ct);

        var topics = await ByTopicAsync(c.Current, c.Prefix, ct);
        var topicsBefore = (await ByTopicAsync(c.Previous, c.Prefix, ct)).ToDictionary(t => t.Folded, t => t.Count, StringComparer.Ordinal);
        var topicRows = topics
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new FigureRow(t.Name, [t.Count, topicsBefore.GetValueOrDefault(t.Folded)], c.Drill(FigureKeys.Topic(t.Folded))))
            .ToList();

        var tendencies = await queries.OpinionStreams(c.Prefix, c.Current).GroupBy(s => s.Tendency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var tendenciesBefore = await queries.OpinionStreams(c.Prefix, c.Previous).GroupBy(s => s.Tendency).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var tendencyRows = Enum.GetValues<Tendency>()
            .Select(t => new FigureRow(
                TendencyLabel(t),
                [tendencies.FirstOrDefault(x => x.Key == t)?.Count ?? 0, tendenciesBefore.FirstOrDefault(x => x.Key == t)?.Count ?? 0],
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

    private async Task<List<TopicCount>> ByTopicAsync(ReportWindow w, string prefix, CancellationToken ct)
        => await queries.OpinionStreams(prefix, w)
            .Join(db.OpinionTopics, s => s.TopicId, t => t.Id, (s, t) => t)
            .GroupBy(t => t.NameFolded)
            .Select(g => new TopicCount(g.Key, g.Max(t => t.Name)!, g.Count()))
            .ToListAsync(ct);
}
