using DuLuan.Data;
using DuLuan.Infrastructure.Jobs;

namespace DuLuan.Features.Publish;

/// <summary>Claims due posts for one instance under lease, as feeds, channels and report runs are claimed.</summary>
public sealed class PostLeases(AppDbContext db, TimeProvider clock)
{
    private static readonly LeaseColumns<Post> Columns = new(p => p.Id, p => p.LeaseOwner, p => p.LeaseUntil);

    public Task<List<long>> ClaimDueAsync(int max, TimeSpan lease, string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Leases.ClaimAsync(db.Posts, Columns, p => p.Status == PostStatus.Scheduled && p.NextAttemptAt <= now, p => p.NextAttemptAt, max, now, lease, instance, ct);
    }

    public Task ReleaseAsync(long postId, string instance, CancellationToken ct) => Leases.ReleaseAsync(db.Posts, Columns, postId, instance, ct);
}
