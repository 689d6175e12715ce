using System.Globalization;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Observers;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

public sealed record IngestResult(int Stored, int AlreadyKnown);

/// <summary>
/// Stores a feed's parsed entries: each article once per unit (by <see cref="ArticleKey"/>), normalised, with its
/// search form and MinHash signature, joined to a story of near-duplicates and to the watch topics it matches.
/// One transaction per batch; when another instance stored one of the same articles first, the batch is retried
/// article by article so the unique key, not luck, decides.
/// </summary>
public sealed class ArticleIngest(AppDbContext db, StoryIndex stories, TimeProvider clock, IEnumerable<IStoryObserver>? observers = null)
{
    public const int TextLimit = 4000;

    public const int TitleLimit = 500;

    private const int BatchSize = 500;

    /// <summary>How long a story may go quiet and still gather rewrites.</summary>
    public static readonly TimeSpan StoryGap = TimeSpan.FromDays(3);

    /// <param name="entries">Read once, a batch at a time: a streamed feed (<see cref="FeedParser.ParseStreaming"/>) never has
    /// more than two batches of cleaned entries in memory (the one being stored and the one being analysed).</param>
    public async Task<IngestResult> IngestAsync(Feed feed, IEnumerable<ParsedEntry> entries, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = 0;
        var known = 0;
        var topics = await TopicsAsync(feed.UnitId, ct);
        using var hold = await stories.LockAsync(feed.UnitId, ct);
        // Reading, cleaning and analysing the next batch (on every core) overlaps storing this one; only the story
        // probe and the writes are sequential, in feed order, so the answers are those of one article at a time.
        using var chunks = entries.Chunk(BatchSize).GetEnumerator();
        var next = Task.Run(() => Analyse(stories, chunks, feed, now, topics), ct);
        try
        {
            while (await next is { } batch)
            {
                next = Task.Run(() => Analyse(stories, chunks, feed, now, topics), ct);
                var result = await StoreBatchAsync(feed, batch, ct);
                stored += result.Stored;
                known += result.AlreadyKnown;
            }
        }
        finally
        {
            // Never leave the reader running over an enumerator about to be disposed.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new IngestResult(stored, known);
    }

    /// <summary>An article with what storing it needs from its text, computed before the write.</summary>
    private sealed record Analysed(Article Article, uint[] Signature, StoryFacts Facts, long[] TopicIds);

    private static List<Analysed>? Analyse(StoryIndex stories, IEnumerator<ParsedEntry[]> chunks, Feed feed, DateTime now, WatchTopicSet? topics)
    {
        if (!chunks.MoveNext())
        {
            return null;
        }

        var chunk = chunks.Current;
        var batch = new Analysed[chunk.Length];
        Parallel.For(0, chunk.Length, i =>
        {
            var article = Prepare(feed, chunk[i], now);
            var hits = topics is null
                ? []
                : topics.Match(article.Title + "\n" + article.Text).Select(m => m.TopicId).Distinct(StringComparer.Ordinal)
                    .Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray();
            batch[i] = new Analysed(article, StoryIndex.ToSignature(article.Signature), stories.Facts(article.Title, article.Text, article.PublishedAt), hits);
        });
        return [.. batch];
    }

    private async Task<IngestResult> StoreBatchAsync(Feed feed, List<Analysed> batch, CancellationToken ct)
    {
        try
        {
            return await TryStoreAsync(feed, batch, ct);
        }
        catch (Exception ex) when (UniqueViolation.Is(ex))
        {
            // Another instance stored one of these first: go one by one and let the unique key decide.
            var stored = 0;
            var known = 0;
            foreach (var article in batch)
            {
                try
                {
                    var one = await TryStoreAsync(feed, [article], ct);
                    stored += one.Stored;
                    known += one.AlreadyKnown;
                }
                catch (Exception inner) when (UniqueViolation.Is(inner))
                {
                    known++;
                }
            }
            return new IngestResult(stored, known);
        }
    }

    private async Task<IngestResult> TryStoreAsync(Feed feed, List<Analysed> batch, CancellationToken ct)
    {
        var keys = batch.Select(a => a.Article.Key).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await db.Articles.AsNoTracking()
            .Where(a => a.UnitId == feed.UnitId && keys.Contains(a.Key))
            .Select(a => a.Key)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<Analysed>();
        foreach (var article in batch)
        {
            if (existing.Add(article.Article.Key))
            {
                fresh.Add(article);
            }
        }
        if (fresh.Count == 0)
        {
            return new IngestResult(0, batch.Count);
        }

        await stories.TopUpAsync(db, feed.UnitId, ct);
        var touched = new Dictionary<long, Story>();
        var stored = new List<Article>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var writer = new ArticleWriter(db);
            foreach (var (article, signature, facts, hits) in fresh)
            {
                var joined = stories.Probe(feed.UnitId, signature, facts);
                var story = joined is null ? null : await StoryAsync(joined.Value, touched, ct);
                // A story quiet for longer than StoryGap is over: a rewrite weeks later starts a new one.
                if (story is not null && article.PublishedAt > story.LastSeenAt + StoryGap)
                {
                    story = null;
                }

                if (story is null)
                {
                    story = new Story { UnitId = feed.UnitId, Title = article.Title, FirstSeenAt = article.PublishedAt, LastSeenAt = article.PublishedAt };
                    await writer.InsertStoryAsync(story, ct);
                    touched[story.Id] = story;
                }
                stories.Fill(feed.UnitId, story.Id);
                story.ArticleCount++;
                if (article.PublishedAt < story.FirstSeenAt)
                {
                    story.FirstSeenAt = article.PublishedAt;
                }

                if (article.PublishedAt > story.LastSeenAt)
                {
                    story.LastSeenAt = article.PublishedAt;
                }

                article.StoryId = story.Id;
                await writer.InsertArticleAsync(article, ct);
                stored.Add(article);
                foreach (var topicId in hits)
                {
                    await writer.InsertHitAsync(topicId, article.Id, article.PublishedAt, ct);
                }
            }
            foreach (var story in touched.Values)
            {
                await writer.UpdateStoryAsync(story, ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            // The index already holds this batch's signatures; rebuild it from what the database really has.
            stories.Forget(feed.UnitId);
            throw;
        }
        stories.MarkKnown(feed.UnitId, stored.Select(a => a.Id));
        if (stored.Count > 0)
        {
            var changed = stored.Select(a => new StoredArticle(a.StoryId, a.Id, a.Title, a.Text)).ToList();
            foreach (var observer in observers ?? [])
            {
                await observer.StoriesChangedAsync(feed.UnitId, changed, ct);
            }
        }
        return new IngestResult(fresh.Count, batch.Count - fresh.Count);
    }

    private async Task<Story> StoryAsync(long id, Dictionary<long, Story> touched, CancellationToken ct)
    {
        if (!touched.TryGetValue(id, out var story))
        {
            story = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, ct);
            touched[id] = story;
        }
        return story;
    }

    private async Task<WatchTopicSet?> TopicsAsync(long unitId, CancellationToken ct)
    {
        var rules = await db.WatchTopics.AsNoTracking()
            .Where(t => t.UnitId == unitId && t.Active)
            .Select(t => new { t.Id, t.Rule })
            .ToListAsync(ct);
        if (rules.Count == 0)
        {
            return null;
        }
        // Rules were validated when saved; a rule that no longer parses (after a grammar change) is skipped, not fatal.
        var valid = rules.Where(r => WatchTopicSet.Validate(r.Rule) is null)
            .Select(r => KeyValuePair.Create(r.Id.ToString(CultureInfo.InvariantCulture), r.Rule));
        return WatchTopicSet.Compile(valid);
    }

    /// <summary>Builds the article for an entry; dates out of the believable range (year 0, 9999) become the fetch time.</summary>
    public static Article Prepare(Feed feed, ParsedEntry entry, DateTime now)
    {
        var title = Cut(VietnameseNormalizer.Normalize(entry.Title ?? ""), TitleLimit).Trim();
        var text = Cut(VietnameseNormalizer.Normalize(entry.ContentText ?? ""), TextLimit).Trim();
        if (title.Length == 0)
        {
            title = Cut(text, 120);
        }

        var link = SafeLink(entry.Link);
        var published = (entry.Published ?? entry.Updated)?.UtcDateTime ?? now;
        if (published > now.AddDays(1) || published < new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc))
        {
            published = now;
        }

        var body = title + "\n" + text;
        return new Article
        {
            UnitId = feed.UnitId,
            FeedId = feed.Id,
            Key = ArticleKey.Of(link, entry.Id),
            Url = link,
            Title = title,
            Text = text,
            Outlet = feed.Outlet,
            PublishedAt = DateTime.SpecifyKind(published, DateTimeKind.Utc),
            FetchedAt = now,
            Folded = SearchText.IndexForm(body),
            Signature = StoryIndex.ToBytes(StoryIndex.Hasher.Signature(body)),
        };
    }

    /// <summary>Only http(s) links are kept; anything else (javascript:, data:) is dropped, never rendered.</summary>
    private static string? SafeLink(string? link) =>
        link is not null && link.Length <= 2000 && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text[..cut];
    }
}
