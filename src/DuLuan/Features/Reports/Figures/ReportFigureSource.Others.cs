using DuLuan.Features.Claims;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Reports.Figures.Sums;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string VerdictLabel(Verdict? verdict) => verdict switch
    {
        Verdict.False => "Sai sự thật",
        Verdict.Misleading => "Gây hiểu lầm",
        Verdict.Unproven => "Chưa được chứng minh",
        Verdict.MissingContext => "Thiếu bối cảnh",
        Verdict.True => "Đúng sự thật",
        _ => "Chưa kết luận",
    };

    public static string AlertLabel(AlertKind kind) => kind switch
    {
        AlertKind.Topic => "Chủ đề tăng đột biến",
        AlertKind.Story => "Tin lan nhanh",
        _ => "Nguồn tin lỗi",
    };

    private async Task<ReportSection> SurveysAsync(Context c, CancellationToken ct)
    {
        var run = await queries.SurveysRun(c.Prefix, c.Current).LongCountAsync(ct);
        var runBefore = await queries.SurveysRun(c.Prefix, c.Previous).LongCountAsync(ct);
        var responses = await queries.SurveyResponses(c.Prefix, c.Current).LongCountAsync(ct);
        var responsesBefore = await queries.SurveyResponses(c.Prefix, c.Previous).LongCountAsync(ct);
        var bySurvey = await queries.SurveyResponses(c.Prefix, c.Current)
            .GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.LongCount() })
            .OrderByDescending(x => x.Count).Take(20).ToListAsync(ct);
        var ids = bySurvey.Select(s => s.Key).ToList();
        var titles = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var rows = bySurvey.Select(s => new FigureRow(titles.GetValueOrDefault(s.Key, "#"), [s.Count], c.Drill(FigureKeys.Survey(s.Key)))).ToList();
        return new ReportSection(
            ReportKeys.Sections.Surveys,
            "Khảo sát ý kiến",
            [
                Count(c, ReportKeys.SurveysRun, "Cuộc khảo sát có phiếu trong kỳ", run, runBefore),
                Count(c, ReportKeys.SurveysResponses, "Phiếu trả lời", responses, responsesBefore),
            ],
            [new FigureTable(ReportKeys.SurveysBySurvey, "Phiếu trả lời theo cuộc khảo sát", ["Phiếu trả lời"], rows)],
            []);
    }

    private sealed record ChannelSums(string Channel, long Reach, long Interactions);

    /// <summary>
    /// Reach and interactions by channel: a period is whole months, so the monthly sums the metrics imports and pulls
    /// keep (post_metric_months) hold it all; a window that is not whole months is summed from the daily rows.
    /// </summary>
    private async Task<List<ChannelSums>> ChannelSumsAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        if (w.Start.Day != 1 || w.End.AddDays(1).Day != 1)
        {
            return await queries.PostMetrics(prefix, w)
                .GroupBy(m => m.Channel)
                .Select(g => new ChannelSums(g.Key, g.Sum(m => m.Reach), g.Sum(m => m.Reactions + m.Comments + m.Shares)))
                .ToListAsync(ct);
        }

        return await db.PostMetricMonths.AsNoTracking()
            .Where(m => m.Month >= w.Start && m.Month <= w.End)
            .Join(queries.Subtree(prefix), m => m.UnitId, u => u.Id, (m, u) => m)
            .GroupBy(m => m.Channel)
            .Select(g => new ChannelSums(g.Key, g.Sum(m => m.Reach), g.Sum(m => m.Reactions + m.Comments + m.Shares)))
            .ToListAsync(ct);
    }

    private async Task<ReportSection> PublishAsync(Context c, CancellationToken ct)
    {
        var posts = c.Now.Get(SumMeasures.PostsPublished, string.Empty);
        var postsBefore = c.Before.Get(SumMeasures.PostsPublished, string.Empty);
        var channels = await ChannelSumsAsync(c.Prefix, c.Current, ct);
        var channelsBefore = await ChannelSumsAsync(c.Prefix, c.Previous, ct);
        var names = channels.Select(x => x.Channel).Union(channelsBefore.Select(x => x.Channel), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = names.Select(n =>
        {
            var now = channels.FirstOrDefault(x => x.Channel == n);
            var before = channelsBefore.FirstOrDefault(x => x.Channel == n);
            return new FigureRow(n, [now?.Reach ?? 0, now?.Interactions ?? 0, before?.Reach ?? 0, before?.Interactions ?? 0], c.Drill(FigureKeys.Channel(n)));
        }).ToList();
        return new ReportSection(
            ReportKeys.Sections.Publish,
            "Thông tin trên kênh chính thống",
            [
                Count(c, ReportKeys.PublishPosts, "Bài đã đăng", posts, postsBefore),
                new(ReportKeys.PublishReach, "Lượt tiếp cận", channels.Sum(x => x.Reach), channelsBefore.Sum(x => x.Reach), FigureKind.Count, c.Drill(ReportKeys.PublishReach)),
                new(ReportKeys.PublishInteractions, "Lượt tương tác", channels.Sum(x => x.Interactions), channelsBefore.Sum(x => x.Interactions), FigureKind.Count, c.Drill(ReportKeys.PublishInteractions)),
            ],
            [new FigureTable(ReportKeys.PublishByChannel, "Tiếp cận và tương tác theo kênh", ["Tiếp cận", "Tương tác", "Tiếp cận kỳ trước", "Tương tác kỳ trước"], rows)],
            [
                new FigureChart(ReportKeys.PublishByChannel, "Tiếp cận và tương tác theo kênh", ChartKind.Bar, names,
                    [new ChartSeries("Lượt tiếp cận", [.. rows.Select(r => r.Values[0] ?? 0)]), new ChartSeries("Lượt tương tác", [.. rows.Select(r => r.Values[1] ?? 0)])]),
            ]);
    }

    private async Task<ReportSection> ClaimsAsync(Context c, CancellationToken ct)
    {
        var registered = await queries.ClaimsRegistered(c.Prefix, c.Current).LongCountAsync(ct);
        var registeredBefore = await queries.ClaimsRegistered(c.Prefix, c.Previous).LongCountAsync(ct);
        var rebutted = await queries.ClaimsRebutted(c.Prefix, c.Current).LongCountAsync(ct);
        var rebuttedBefore = await queries.ClaimsRebutted(c.Prefix, c.Previous).LongCountAsync(ct);
        var verdicts = await queries.ClaimsRegistered(c.Prefix, c.Current).GroupBy(x => x.Verdict).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var rows = verdicts.OrderBy(v => v.Key ?? (Verdict)99).Select(v => new FigureRow(VerdictLabel(v.Key), [v.Count], null)).ToList();
        return new ReportSection(
            ReportKeys.Sections.Claims,
            "Nhận diện, phản bác thông tin sai sự thật",
            [
                Count(c, ReportKeys.ClaimsRegistered, "Thông tin cần kiểm chứng", registered, registeredBefore),
                Count(c, ReportKeys.ClaimsRebutted, "Đã phản bác công khai", rebutted, rebuttedBefore),
            ],
            [new FigureTable(ReportKeys.ClaimsByVerdict, "Thông tin cần kiểm chứng theo kết luận", ["Số lượng"], rows)],
            []);
    }

    private async Task<ReportSection> MonitoringAsync(Context c, CancellationToken ct)
    {
        var stories = await queries.Stories(c.Prefix, c.Current).LongCountAsync(ct);
        var storiesBefore = await queries.Stories(c.Prefix, c.Previous).LongCountAsync(ct);
        var alerts = await queries.Alerts(c.Prefix, c.Current).LongCountAsync(ct);
        var alertsBefore = await queries.Alerts(c.Prefix, c.Previous).LongCountAsync(ct);
        var kinds = await queries.Alerts(c.Prefix, c.Current).GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var rows = kinds.OrderBy(k => k.Key).Select(k => new FigureRow(AlertLabel(k.Key), [k.Count], null)).ToList();
        return new ReportSection(
            ReportKeys.Sections.Monitoring,
            "Theo dõi thông tin trên báo chí, mạng",
            [
                Count(c, ReportKeys.MonitoringStories, "Sự việc được theo dõi", stories, storiesBefore),
                Count(c, ReportKeys.MonitoringAlerts, "Cảnh báo", alerts, alertsBefore),
            ],
            [new FigureTable(ReportKeys.MonitoringByTopic, "Cảnh báo theo loại", ["Số lượng"], rows)],
            []);
    }
}
