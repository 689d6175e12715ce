using DuLuan.Data;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>Claims due feeds for this instance under lease, so two instances never fetch the same feed at once.</summary>
public sealed class FeedLeases(AppDbContext db, TimeProvider clock)
{
    private static readonly LeaseColumns<Feed> Columns = new(f => f.Id, f => f.LeaseOwner, f => f.LeaseUntil);

    public async Task<List<Feed>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Leases.ClaimAsync(db.Feeds, Columns, f => f.Active && f.NextPollAt <= now, f => f.NextPollAt, max, now, lease, JobInstance.Id, ct);
        return await db.Feeds.AsNoTracking().Where(f => claimed.Contains(f.Id) && f.LeaseOwner == JobInstance.Id).ToListAsync(ct);
    }

    /// <summary>Ends this instance's lease on a feed (a lease another instance took over after expiry is left alone).</summary>
    public Task ReleaseAsync(long feedId, CancellationToken ct) => Leases.ReleaseAsync(db.Feeds, Columns, feedId, JobInstance.Id, ct);
}
