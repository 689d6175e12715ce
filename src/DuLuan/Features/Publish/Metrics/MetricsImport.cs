using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Publish.Channels;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>
/// Stores parsed metric rows for one channel: each row's post key is the platform's post id (the id the connector
/// stored) or, for the portal, our post id. Rows replace the figures of the same post, channel and day. All or nothing.
/// </summary>
public sealed class MetricsImport(AppDbContext db, AuditLog audit)
{
    public const string Portal = "Portal";

    public async Task<(int Stored, MetricsCsv.Problem? Error)> ImportAsync(string channelKey, PublishChannel? channel, IReadOnlyList<long> unitIds, string text, CancellationToken ct)
    {
        var (rows, problem) = MetricsCsv.Parse(text);
        if (rows is null)
        {
            return (0, problem);
        }

        var keys = rows.Select(r => r.PostKey).Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, (long PostId, long UnitId)> posts;
        if (channel is null)
        {
            var ids = keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToList();
            posts = (await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id) && unitIds.Contains(p.UnitId) && p.PublishedAt != null).Select(p => new { p.Id, p.UnitId }).ToListAsync(ct))
                .ToDictionary(p => p.Id.ToString(CultureInfo.InvariantCulture), p => (p.Id, p.UnitId), StringComparer.Ordinal);
        }
        else
        {
            posts = (await db.PostTargets.AsNoTracking().Where(t => t.ChannelId == channel.Id && t.ExternalId != null && keys.Contains(t.ExternalId))
                .Join(db.Posts, t => t.PostId, p => p.Id, (t, p) => new { t.ExternalId, p.Id, p.UnitId }).ToListAsync(ct))
                .ToDictionary(x => x.ExternalId!, x => (x.Id, x.UnitId), StringComparer.Ordinal);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (!posts.ContainsKey(rows[i].PostKey))
            {
                return (0, new MetricsCsv.Problem("Publish.Csv.UnknownPost", [i + 2, rows[i].PostKey]));
            }
        }

        var resolved = rows.Select(r => (posts[r.PostKey].PostId, posts[r.PostKey].UnitId, r)).ToList();
        await StoreAsync(channelKey, resolved, ct, () => audit.Add(PostWorkflow.Actions.MetricsImported, channel?.UnitId, channelKey, $"{rows.Count} rows"));
        return (rows.Count, null);
    }

    /// <summary>
    /// Replaces the figures of each (post, channel, day) and rebuilds the monthly sums those days fall in, in one
    /// transaction: storing the same figures twice changes nothing. Used by the CSV import and the metrics puller.
    /// </summary>
    public async Task StoreAsync(string channelKey, IReadOnlyList<(long PostId, long UnitId, MetricsCsv.Row Row)> rows, CancellationToken ct, Action? audited = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await MetricsMonthly.LockAsync(db, ct);
        var postIds = rows.Select(r => r.PostId).Distinct().ToList();
        var days = rows.Select(r => r.Row.Day).Distinct().ToList();
        var existing = await db.PostMetrics.Where(m => m.Channel == channelKey && postIds.Contains(m.PostId) && days.Contains(m.Day)).ToListAsync(ct);
        var byKey = existing.ToDictionary(m => (m.PostId, m.Day));
        foreach (var (postId, unitId, row) in rows)
        {
            if (!byKey.TryGetValue((postId, row.Day), out var metric))
            {
                metric = new PostMetric { PostId = postId, UnitId = unitId, Channel = channelKey, Day = row.Day };
                db.PostMetrics.Add(metric);
                byKey[(postId, row.Day)] = metric;
            }

            metric.Views = row.Views;
            metric.Reach = row.Reach;
            metric.Reactions = row.Reactions;
            metric.Comments = row.Comments;
            metric.Shares = row.Shares;
            metric.LinkClicks = row.LinkClicks;
        }

        audited?.Invoke();
        await db.SaveChangesAsync(ct);
        await MetricsMonthly.RefreshAsync(db, [.. rows.Select(r => r.UnitId).Distinct()], [channelKey], [.. days.Select(MetricsMonthly.MonthOf).Distinct()], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
