using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Publish;

/// <summary>What posts add to the monthly sums: one per post published, in the month it was published.</summary>
public sealed class PublishReportSums : IMonthlySumSource
{
    public const string PostsPublished = "posts.published";

    public IReadOnlyList<string> Measures { get; } = [PostsPublished];

    public sealed record PostFacts(long UnitId, PostStatus Status, DateTime? PublishedAt);

    public static IQueryable<Post> Published(AppDbContext db, string prefix, ReportWindow w)
        => db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.PublishedAt >= w.FromUtc && p.PublishedAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), p => p.UnitId, u => u.Id, (p, u) => p);

    public bool Counts(object entity) => entity is Post;

    public IEnumerable<SumKey> Keys(object entity, PropertyValues v, TimeZoneInfo zone) => entity is Post
        ? Of(new PostFacts(v.GetValue<long>(nameof(Post.UnitId)), v.GetValue<PostStatus>(nameof(Post.Status)), v.GetValue<DateTime?>(nameof(Post.PublishedAt))), zone)
        : [];

    public async Task AddAllAsync(AppDbContext db, TimeZoneInfo zone, Dictionary<SumKey, long> sums, CancellationToken ct)
    {
        await foreach (var p in db.Posts.AsNoTracking()
            .Select(p => new PostFacts(p.UnitId, p.Status, p.PublishedAt)).AsAsyncEnumerable().WithCancellation(ct))
        {
            SumKey.Add(sums, Of(p, zone), +1);
        }
    }

    public async Task CountAsync(AppDbContext db, string prefix, ReportWindow w, IReadOnlyCollection<string> measures, SumTally tally, CancellationToken ct)
        => tally.Add(PostsPublished, string.Empty, await Published(db, prefix, w).LongCountAsync(ct));

    public static IEnumerable<SumKey> Of(PostFacts p, TimeZoneInfo zone)
    {
        if (p.Status == PostStatus.Published && p.PublishedAt is { } at)
        {
            yield return new SumKey(p.UnitId, SumKey.MonthOf(at, zone), PostsPublished, string.Empty);
        }
    }
}
