using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>The report's section on the office's own channels: posts published, reach and interactions by channel.</summary>
public sealed class PublishReportSection(AppDbContext db) : IReportSection
{
    public string Key => ReportKeys.Sections.Publish;

    public static string ChannelKey(string channel) => ReportKeys.PublishByChannel + ":" + channel;

    /// <summary>A channel kind in words: the office's own portal is "Cổng thông tin của đơn vị", never "Portal"; Facebook and Zalo are names.</summary>
    public static string ChannelLabel(string channel) => channel == DuLuan.Features.Publish.Metrics.MetricsImport.Portal ? ReportWords.Of("Publish.Portal") : channel;

    public IQueryable<PostMetric> Metrics(string prefix, ReportWindow w)
        => db.PostMetrics.AsNoTracking()
            .Where(m => m.Day >= w.Start && m.Day <= w.End)
            .Join(ReportSubtree.Of(db, prefix), m => m.UnitId, u => u.Id, (m, u) => m);

    private sealed record ChannelSums(string Channel, long Reach, long Interactions);

    /// <summary>
    /// Reach and interactions by channel: a period is whole months, so the monthly sums the metrics imports and pulls
    /// keep (post_metric_months) hold it all; a window that is not whole months is summed from the daily rows.
    /// </summary>
    private async Task<List<ChannelSums>> ChannelSumsAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        if (w.Start.Day != 1 || w.End.AddDays(1).Day != 1)
        {
            return await Metrics(prefix, w)
                .GroupBy(m => m.Channel)
                .Select(g => new ChannelSums(g.Key, g.Sum(m => m.Reach), g.Sum(m => m.Reactions + m.Comments + m.Shares)))
                .ToListAsync(ct);
        }

        return await db.PostMetricMonths.AsNoTracking()
            .Where(m => m.Month >= w.Start && m.Month <= w.End)
            .Join(ReportSubtree.Of(db, prefix), m => m.UnitId, u => u.Id, (m, u) => m)
            .GroupBy(m => m.Channel)
            .Select(g => new ChannelSums(g.Key, g.Sum(m => m.Reach), g.Sum(m => m.Reactions + m.Comments + m.Shares)))
            .ToListAsync(ct);
    }

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var posts = c.Now.Get(PublishReportSums.PostsPublished, string.Empty);
        var postsBefore = c.Before.Get(PublishReportSums.PostsPublished, string.Empty);
        var channels = await ChannelSumsAsync(c.Prefix, c.Current, ct);
        var channelsBefore = await ChannelSumsAsync(c.Prefix, c.Previous, ct);
        var names = channels.Select(x => x.Channel).Union(channelsBefore.Select(x => x.Channel), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = names.Select(n =>
        {
            var now = channels.FirstOrDefault(x => x.Channel == n);
            var before = channelsBefore.FirstOrDefault(x => x.Channel == n);
            return new FigureRow(ChannelLabel(n), [now?.Reach ?? 0, now?.Interactions ?? 0, before?.Reach ?? 0, before?.Interactions ?? 0], c.Drill(ChannelKey(n)),
                n == DuLuan.Features.Publish.Metrics.MetricsImport.Portal ? new Message("Publish.Portal").English : null);
        }).ToList();
        return new ReportSection(
            ReportKeys.Sections.Publish,
            ReportWords.Of("Publish.Report.Title"),
            [
                c.Count(ReportKeys.PublishPosts, ReportWords.Of("Publish.Report.Posts"), posts, postsBefore),
                new(ReportKeys.PublishReach, ReportWords.Of("Publish.Report.Reach"), channels.Sum(x => x.Reach), channelsBefore.Sum(x => x.Reach), FigureKind.Count, c.Drill(ReportKeys.PublishReach)),
                new(ReportKeys.PublishInteractions, ReportWords.Of("Publish.Report.Interactions"), channels.Sum(x => x.Interactions), channelsBefore.Sum(x => x.Interactions), FigureKind.Count, c.Drill(ReportKeys.PublishInteractions)),
            ],
            [new FigureTable(ReportKeys.PublishByChannel, ReportWords.Of("Publish.Report.ByChannel"), [ReportWords.Of("Publish.Report.ReachColumn"), ReportWords.Of("Publish.Report.InteractionsColumn"), ReportWords.Of("Publish.Report.ReachBefore"), ReportWords.Of("Publish.Report.InteractionsBefore")], rows)],
            [
                new FigureChart(ReportKeys.PublishByChannel, ReportWords.Of("Publish.Report.ByChannel"), ChartKind.Bar, [.. names.Select(ChannelLabel)],
                    [new ChartSeries(ReportWords.Of("Publish.Report.Reach"), [.. rows.Select(r => r.Values[0] ?? 0)]), new ChartSeries(ReportWords.Of("Publish.Report.Interactions"), [.. rows.Select(r => r.Values[1] ?? 0)])]),
            ]);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.PublishPosts, null) => new(k.Key, ReportWords.Of("Publish.Report.Posts"), PublishReportSums.Published(db, prefix, w).OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new DrillRow("post", p.Id, p.Title, p.PublishedAt, null, p.UnitId, null)), false),
        (ReportKeys.PublishReach, null) => new(k.Key, ReportWords.Of("Publish.Report.ReachPerPost"), MetricRows(prefix, w, null, reach: true), true) { SumAsync = ct => MetricSumAsync(prefix, w, null, true, ct) },
        (ReportKeys.PublishInteractions, null) => new(k.Key, ReportWords.Of("Publish.Report.InteractionsPerPost"), MetricRows(prefix, w, null, reach: false), true) { SumAsync = ct => MetricSumAsync(prefix, w, null, false, ct) },
        (ReportKeys.PublishByChannel, { Length: > 0 } channel) => new(k.Key, ReportWords.Of("Publish.Report.ReachOnChannel", ChannelLabel(channel)), MetricRows(prefix, w, channel, reach: true), true) { SumAsync = ct => MetricSumAsync(prefix, w, channel, true, ct) },
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "post" ? "/Publish/Posts/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;

    private Task<long> MetricSumAsync(string prefix, ReportWindow w, string? channel, bool reach, CancellationToken ct)
        => reach
            ? Metrics(prefix, w).Where(m => channel == null || m.Channel == channel).SumAsync(m => m.Reach, ct)
            : Metrics(prefix, w).Where(m => channel == null || m.Channel == channel).SumAsync(m => m.Reactions + m.Comments + m.Shares, ct);

    /// <summary>One row per post with its reach (or interactions) summed over the period's days.</summary>
    private IQueryable<DrillRow> MetricRows(string prefix, ReportWindow w, string? channel, bool reach)
        => Metrics(prefix, w)
            .Where(m => channel == null || m.Channel == channel)
            .GroupBy(m => m.PostId)
            .Select(g => new { PostId = g.Key, Value = reach ? g.Sum(m => m.Reach) : g.Sum(m => m.Reactions + m.Comments + m.Shares) })
            .Join(db.Posts, x => x.PostId, p => p.Id, (x, p) => new { x.Value, p })
            .OrderByDescending(x => x.Value).ThenByDescending(x => x.p.Id)
            .Select(x => new DrillRow("post", x.p.Id, x.p.Title, x.p.PublishedAt, null, x.p.UnitId, x.Value));
}
