using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>
/// Claims due posts for one instance with a conditional UPDATE (only where no live lease exists), as feeds are claimed,
/// so two instances on one PostgreSQL never publish the same post; a dead instance's lease simply expires.
/// </summary>
public sealed class PostLeases(AppDbContext db, TimeProvider clock)
{
    public static string InstanceId { get; } = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];

    public async Task<List<long>> ClaimDueAsync(int max, TimeSpan lease, string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Scheduled && p.NextAttemptAt <= now && (p.LeaseUntil == null || p.LeaseUntil < now))
            .OrderBy(p => p.NextAttemptAt)
            .Select(p => p.Id)
            .Take(max)
            .ToListAsync(ct);
        var claimed = new List<long>();
        var until = now + lease;
        foreach (var id in candidates)
        {
            var rows = await db.Posts
                .Where(p => p.Id == id && p.Status == PostStatus.Scheduled && p.NextAttemptAt <= now && (p.LeaseUntil == null || p.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseOwner, instance).SetProperty(p => p.LeaseUntil, until), ct);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    public Task ReleaseAsync(long postId, string instance, CancellationToken ct) =>
        db.Posts.Where(p => p.Id == postId && p.LeaseOwner == instance)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseOwner, (string?)null).SetProperty(p => p.LeaseUntil, (DateTime?)null), ct);
}
