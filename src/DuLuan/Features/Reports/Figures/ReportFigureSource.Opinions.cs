using DuLuan.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string TendencyLabel(Tendency tendency) => tendency switch
    {
        Tendency.Agree => "\u0110\u1ed3ng t\u00ecnh",
        Tendency.Disagree => "Kh\u00f4ng \u0111\u1ed3ng t\u00ecnh",
        Tendency.Mixed => "Tr\u00e1i chi\u1ec1u",
        _ => "Ch\u01b0a r\u00f5",
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
            "D\u01b0 lu\u1eadn x\u00e3 h\u1ed9i",
            [
                Count(c, ReportKeys.OpinionsReports, "B\u00e1o c\u00e1o d\u01b0 lu\u1eadn x\u00e3 h\u1ed9i", reports, reportsBefore),
                Count(c, ReportKeys.OpinionsStreams, "Lu\u1ed3ng d\u01b0 lu\u1eadn", streams, streamsBefore),
            ],
            [
                new FigureTable(ReportKeys.OpinionsByTopic, "Lu\u1ed3ng d\u01b0 lu\u1eadn theo ch\u1ee7 \u0111\u1ec1", [KyNay, KyTruoc], topicRows),
                new FigureTable(ReportKeys.OpinionsByTendency, "Lu\u1ed3ng d\u01b0 lu\u1eadn theo xu h\u01b0\u1edbng", [KyNay, KyTruoc], tendencyRows),
            ],
            [
                new FigureChart(ReportKeys.OpinionsByTopic, "Ch\u1ee7 \u0111\u1ec1 \u0111\u01b0\u1ee3c quan t\u00e2m nhi\u1ec1u nh\u1ea5t", ChartKind.Bar, [.. top.Select(r => r.Label)],
                    [new ChartSeries(KyNay, [.. top.Select(r => r.Values[0] ?? 0)]), new ChartSeries(KyTruoc, [.. top.Select(r => r.Values[1] ?? 0)])]),
                new FigureChart(ReportKeys.OpinionsByTendency, "Xu h\u01b0\u1edbng d\u01b0 lu\u1eadn", ChartKind.Pie, [.. tendencyRows.Select(r => r.Label)],
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
