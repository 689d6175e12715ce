namespace DuLuan.Infrastructure.Observers;

/// <summary>An article just stored, with the story it started or joined.</summary>
public sealed record StoredArticle(long StoryId, long ArticleId, string Title, string Text);

/// <summary>
/// Told after an ingest batch has committed which stories were created or extended. The kernel declares it, Monitoring's
/// ingest calls it, and a capability that reacts implements it (the claims register), so Monitoring knows none of them.
/// Runs after the commit: an observer cannot undo ingest.
/// </summary>
public interface IStoryObserver
{
    Task StoriesChangedAsync(long unitId, IReadOnlyList<StoredArticle> articles, CancellationToken ct);
}
