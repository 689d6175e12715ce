using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Claims due feeds for one instance with a conditional UPDATE (only where no live lease exists), so two instances
/// on one PostgreSQL never fetch the same feed at once; an instance that dies leaves leases that simply expire.
/// </summary>
public sealed class FeedLeases(AppDbContext db, TimeProvider clock)
{
    public static string InstanceId { get; } = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];

    public async Task<List<Feed>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Feeds.AsNoTracking()
            .Where(f => f.Active && f.NextPollAt <= now && (f.LeaseUntil == null || f.LeaseUntil < now))
            .OrderBy(f => f.NextPollAt)
            .Select(f => f.Id)
            .Take(max)
            .ToListAsync(ct);
        var claimed = new List<long>();
        var until = now + lease;
        foreach (var id in candidates)
        {
            var rows = await db.Feeds
                .Where(f => f.Id == id && f.Active && (f.LeaseUntil == null || f.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, InstanceId).SetProperty(f => f.LeaseUntil, until), ct);
            if (rows == 1) claimed.Add(id);
        }
        return await db.Feeds.AsNoTracking().Where(f => claimed.Contains(f.Id) && f.LeaseOwner == InstanceId).ToListAsync(ct);
    }

    /// <summary>Ends this instance's lease on a feed (a lease another instance took over after expiry is left alone).</summary>
    public Task ReleaseAsync(long feedId, CancellationToken ct) =>
        db.Feeds.Where(f => f.Id == feedId && f.LeaseOwner == InstanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, (string?)null).SetProperty(f => f.LeaseUntil, (DateTime?)null), ct);
}
