using DuLuan.Features.Claims;
using DuLuan.Features.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

public sealed partial class ReportFigureSource
{
    public static string VerdictLabel(Verdict? verdict) => verdict switch
    {
        Verdict.False => "Sai s\u1ef1 th\u1eadt",
        Verdict.Misleading => "G\u00e2y hi\u1ec3u l\u1ea7m",
        Verdict.Unproven => "Ch\u01b0a \u0111\u01b0\u1ee3c ch\u1ee9ng minh",
        Verdict.MissingContext => "Thi\u1ebfu b\u1ed1i c\u1ea3nh",
        Verdict.True => "\u0110\u00fang s\u1ef1 th\u1eadt",
        _ => "Ch\u01b0a k\u1ebft lu\u1eadn",
    };

    public static string AlertLabel(AlertKind kind) => kind switch
    {
        AlertKind.Topic => "Ch\u1ee7 \u0111\u1ec1 t\u0103ng \u0111\u1ed9t bi\u1ebfn",
        AlertKind.Story => "Tin lan nhanh",
        _ => "Ngu\u1ed3n tin l\u1ed7i",
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
            "Kh\u1ea3o s\u00e1t \u00fd ki\u1ebfn",
            [
                Count(c, ReportKeys.SurveysRun, "Cu\u1ed9c kh\u1ea3o s\u00e1t c\u00f3 phi\u1ebfu trong k\u1ef3", run, runBefore),
                Count(c, ReportKeys.SurveysResponses, "Phi\u1ebfu tr\u1ea3 l\u1eddi", responses, responsesBefore),
            ],
            [new FigureTable(ReportKeys.SurveysBySurvey, "Phi\u1ebfu tr\u1ea3 l\u1eddi theo cu\u1ed9c kh\u1ea3o s\u00e1t", ["Phi\u1ebfu tr\u1ea3 l\u1eddi"], rows)],
            []);
    }

    private sealed record ChannelSums(string Channel, long Reach, long Interactions);

    private async Task<List<ChannelSums>> ChannelSumsAsync(string prefix, ReportWindow w, CancellationToken ct)
        => await queries.PostMetrics(prefix, w)
            .GroupBy(m => m.Channel)
            .Select(g => new ChannelSums(g.Key, g.Sum(m => m.Reach), g.Sum(m => m.Reactions + m.Comments + m.Shares)))
            .ToListAsync(ct);

    private async Task<ReportSection> PublishAsync(Context c, CancellationToken ct)
    {
        var posts = await queries.PostsPublished(c.Prefix, c.Current).LongCountAsync(ct);
        var postsBefore = await queries.PostsPublished(c.Prefix, c.Previous).LongCountAsync(ct);
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
            "Th\u00f4ng tin tr\u00ean k\u00eanh ch\u00ednh th\u1ed1ng",
            [
                Count(c, ReportKeys.PublishPosts, "B\u00e0i \u0111\u00e3 \u0111\u0103ng", posts, postsBefore),
                new(ReportKeys.PublishReach, "L\u01b0\u1ee3t ti\u1ebfp c\u1eadn", channels.Sum(x => x.Reach), channelsBefore.Sum(x => x.Reach), FigureKind.Count, c.Drill(ReportKeys.PublishReach)),
                new(ReportKeys.PublishInteractions, "L\u01b0\u1ee3t t\u01b0\u01a1ng t\u00e1c", channels.Sum(x => x.Interactions), channelsBefore.Sum(x => x.Interactions), FigureKind.Count, c.Drill(ReportKeys.PublishInteractions)),
            ],
            [new FigureTable(ReportKeys.PublishByChannel, "Ti\u1ebfp c\u1eadn v\u00e0 t\u01b0\u01a1ng t\u00e1c theo k\u00eanh", ["Ti\u1ebfp c\u1eadn", "T\u01b0\u01a1ng t\u00e1c", "Ti\u1ebfp c\u1eadn k\u1ef3 tr\u01b0\u1edbc", "T\u01b0\u01a1ng t\u00e1c k\u1ef3 tr\u01b0\u1edbc"], rows)],
            [
                new FigureChart(ReportKeys.PublishByChannel, "Ti\u1ebfp c\u1eadn v\u00e0 t\u01b0\u01a1ng t\u00e1c theo k\u00eanh", ChartKind.Bar, names,
                    [new ChartSeries("L\u01b0\u1ee3t ti\u1ebfp c\u1eadn", [.. rows.Select(r => r.Values[0] ?? 0)]), new ChartSeries("L\u01b0\u1ee3t t\u01b0\u01a1ng t\u00e1c", [.. rows.Select(r => r.Values[1] ?? 0)])]),
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
            "Nh\u1eadn di\u1ec7n, ph\u1ea3n b\u00e1c th\u00f4ng tin sai s\u1ef1 th\u1eadt",
            [
                Count(c, ReportKeys.ClaimsRegistered, "Th\u00f4ng tin c\u1ea7n ki\u1ec3m ch\u1ee9ng", registered, registeredBefore),
                Count(c, ReportKeys.ClaimsRebutted, "\u0110\u00e3 ph\u1ea3n b\u00e1c c\u00f4ng khai", rebutted, rebuttedBefore),
            ],
            [new FigureTable(ReportKeys.ClaimsByVerdict, "Th\u00f4ng tin c\u1ea7n ki\u1ec3m ch\u1ee9ng theo k\u1ebft lu\u1eadn", ["S\u1ed1 l\u01b0\u1ee3ng"], rows)],
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
            "Theo d\u00f5i th\u00f4ng tin tr\u00ean b\u00e1o ch\u00ed, m\u1ea1ng",
            [
                Count(c, ReportKeys.MonitoringStories, "S\u1ef1 vi\u1ec7c \u0111\u01b0\u1ee3c theo d\u00f5i", stories, storiesBefore),
                Count(c, ReportKeys.MonitoringAlerts, "C\u1ea3nh b\u00e1o", alerts, alertsBefore),
            ],
            [new FigureTable(ReportKeys.MonitoringByTopic, "C\u1ea3nh b\u00e1o theo lo\u1ea1i", ["S\u1ed1 l\u01b0\u1ee3ng"], rows)],
            []);
    }
}
