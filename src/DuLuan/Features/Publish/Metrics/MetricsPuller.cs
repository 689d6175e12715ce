using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Jobs;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>
/// Pulls the figures of a channel's recently published posts from its platform. Platforms report lifetime totals; the
/// day of the pull (office time) stores the growth since the days already stored, so a second pull on the same day
/// replaces that day and nothing is counted twice (reach, a count of unique people, is only approximately additive).
/// Stored through <see cref="MetricsImport.StoreAsync"/>, so the monthly sums follow in the same transaction.
/// </summary>
public sealed class MetricsPuller(AppDbContext db, TokenVault vault, IEnumerable<IMetricsConnector> connectors, MetricsImport import, AuditLog audit, TimeProvider clock, OfficeTime office, IOptions<PublishOptions> options)
{
    public const string Pulled = PostWorkflow.Actions.MetricsPulled;

    public IReadOnlyCollection<ChannelKind> Kinds => [.. connectors.Select(c => c.Kind)];

    private static readonly LeaseColumns<PublishChannel> Lease = new(c => c.Id, c => c.MetricsLeaseOwner, c => c.MetricsLeaseUntil);

    /// <summary>Claims channels due for a pull under lease, as posts are claimed for publishing.</summary>
    public Task<List<long>> ClaimDueAsync(string instance, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now.AddMinutes(-options.Value.MetricsPullMinutes);
        var kinds = Kinds.ToList();
        return Leases.ClaimAsync(
            db.PublishChannels,
            Lease,
            c => c.Active && c.Healthy && kinds.Contains(c.Kind) && (c.MetricsPulledAt == null || c.MetricsPulledAt <= due),
            c => c.Id,
            20,
            now,
            lease,
            instance,
            ct);
    }

    /// <summary>One channel: returns how many posts' figures were stored. Releases the lease in every case.</summary>
    public async Task<int> PullAsync(long channelId, string instance, CancellationToken ct)
    {
        var channel = await db.PublishChannels.SingleAsync(c => c.Id == channelId, ct);
        var stored = 0;
        var finished = false;
        try
        {
            (stored, finished) = await PullAsync(channel, ct);
        }
        finally
        {
            if (channel.MetricsLeaseOwner == instance)
            {
                channel.MetricsLeaseOwner = null;
                channel.MetricsLeaseUntil = null;
            }

            // A transient failure leaves the channel due, so the next pass tries again.
            if (finished)
            {
                channel.MetricsPulledAt = clock.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return stored;
    }

    private async Task<(int Stored, bool Finished)> PullAsync(PublishChannel channel, CancellationToken ct)
    {
        var connector = connectors.Single(c => c.Kind == channel.Kind);
        string token;
        try
        {
            token = vault.Unprotect(channel.TokenProtected);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            MarkRed(channel, "stored token cannot be decrypted");
            return (0, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-options.Value.MetricsPullDays);
        var targets = await db.PostTargets.AsNoTracking()
            .Where(t => t.ChannelId == channel.Id && t.Status == TargetStatus.Published && t.ExternalId != null && t.PublishedAt >= since)
            .Join(db.Posts, t => t.PostId, p => p.Id, (t, p) => new { ExternalId = t.ExternalId!, PostId = p.Id, p.UnitId })
            .OrderBy(t => t.PostId).ToListAsync(ct);
        var key = channel.Kind.ToString();
        var today = office.LocalDay(now);
        var ids = targets.Select(t => t.PostId).ToList();
        var before = await db.PostMetrics.AsNoTracking().Where(m => m.Channel == key && ids.Contains(m.PostId) && m.Day < today)
            .GroupBy(m => m.PostId)
            .Select(g => new { PostId = g.Key, Views = g.Sum(m => m.Views), Reach = g.Sum(m => m.Reach), Reactions = g.Sum(m => m.Reactions), Comments = g.Sum(m => m.Comments), Shares = g.Sum(m => m.Shares), LinkClicks = g.Sum(m => m.LinkClicks) })
            .ToDictionaryAsync(x => x.PostId, ct);
        var rows = new List<(long PostId, long UnitId, MetricsCsv.Row Row)>();
        var finished = true;
        foreach (var target in targets)
        {
            var (metrics, error) = await connector.FetchAsync(channel, token, target.ExternalId, ct);
            if (error is not null)
            {
                if (error.TokenRejected)
                {
                    MarkRed(channel, error.Message ?? "token rejected");
                    finished = false;
                    break;
                }

                if (error.Retryable)
                {
                    finished = false;
                    break;
                }

                // A post removed on the platform answers a permanent error: the others still count.
                continue;
            }

            var old = before.GetValueOrDefault(target.PostId);
            rows.Add((target.PostId, target.UnitId, new MetricsCsv.Row(target.ExternalId, today,
                Growth(metrics!.Views, old?.Views), Growth(metrics.Reach, old?.Reach), Growth(metrics.Reactions, old?.Reactions),
                Growth(metrics.Comments, old?.Comments), Growth(metrics.Shares, old?.Shares), Growth(metrics.LinkClicks, old?.LinkClicks))));
        }

        if (rows.Count > 0)
        {
            await import.StoreAsync(key, rows, ct, () => audit.Add(Pulled, channel.UnitId, "channel:" + channel.Id.ToString(CultureInfo.InvariantCulture), $"{rows.Count} posts"));
        }

        return (rows.Count, finished);
    }

    private static long Growth(long total, long? stored) => Math.Max(0, total - (stored ?? 0));

    /// <summary>The platform refused the token: the channel turns red with its message, as when publishing.</summary>
    private void MarkRed(PublishChannel channel, string message)
    {
        channel.Healthy = false;
        channel.HealthMessage = message.Length <= 1000 ? message : message[..1000];
        channel.HealthAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(PostWorkflow.Actions.ChannelRejected, channel.UnitId, "channel:" + channel.Id.ToString(CultureInfo.InvariantCulture), message);
    }
}
