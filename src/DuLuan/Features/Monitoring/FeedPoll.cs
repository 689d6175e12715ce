using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

public sealed record FeedPollResult(bool Ok, int Stored, string? Error);

/// <summary>
/// Fetches, parses and ingests one feed, then records its health: the next poll time (its interval after a success,
/// exponential back-off after a failure), the error in plain words, and a visible alert when it has failed for a day.
/// </summary>
public sealed class FeedPoll(AppDbContext db, FeedFetcher fetcher, FeedParser parser, ArticleIngest ingest, FetchBackoff backoff, TimeProvider clock, OfficeTime office)
{
    public async Task<FeedPollResult> RunAsync(Feed feed, CancellationToken ct)
    {
        Message? error = null;
        var stored = 0;
        var items = 0;
        FetchResult? fetched = null;
        try
        {
            fetched = await fetcher.FetchAsync(new Uri(feed.Url), feed.ETag,
                feed.LastModified is { } lm ? new DateTimeOffset(DateTime.SpecifyKind(lm, DateTimeKind.Utc)) : null, ct);
            if (fetched.Status == FetchStatus.Failed)
            {
                error = fetched.Error?.Text ?? new Message("Monitoring.Poll.NotFetched");
            }
            else if (fetched.Status == FetchStatus.Ok)
            {
                var parsed = parser.ParseStreaming(fetched.Body ?? [], fetched.Charset, fetched.FinalUrl ?? new Uri(feed.Url));
                if (parsed.Format == FeedFormat.Unknown && parsed.EntryCount == 0)
                {
                    error = new Message("Monitoring.Poll.NotAFeed");
                }
                else
                {
                    items = parsed.EntryCount;
                    stored = (await ingest.IngestAsync(feed, parsed.Entries, ct)).Stored;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = new Message("Monitoring.Poll.Failed", e.GetType().Name);
        }
        // Stored in both languages: the feed list shows it to staff, the CLI and logs to operators.
        var text = error?.Both();
        await RecordAsync(feed.Id, fetched, text, items, ct);
        return new FeedPollResult(error is null, stored, text);
    }

    private async Task RecordAsync(long feedId, FetchResult? fetched, string? error, int items, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, ct);
        feed.LastAttemptAt = now;
        if (error is null)
        {
            feed.LastSuccessAt = now;
            feed.LastError = null;
            feed.ConsecutiveFailures = 0;
            feed.NextPollAt = now.AddMinutes(Math.Max(5, feed.PollMinutes));
            if (fetched?.Status == FetchStatus.Ok)
            {
                feed.ETag = fetched.ETag is { Length: <= 500 } etag ? etag : null;
                feed.LastModified = fetched.LastModified?.UtcDateTime;
                feed.LastItemCount = items;
            }
        }
        else
        {
            feed.ConsecutiveFailures++;
            feed.LastError = error.Length > 1000 ? error[..1000] : error;
            feed.NextPollAt = backoff.NextAttempt(now, feed.ConsecutiveFailures, Random.Shared).UtcDateTime;
            if (backoff.IsFailingForADay(now, feed.LastSuccessAt, feed.CreatedAt, feed.ConsecutiveFailures))
            {
                await RaiseFailingAsync(feed, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task RaiseFailingAsync(Feed feed, DateTime now, CancellationToken ct)
    {
        var day = now.Date;
        if (await db.Alerts.AnyAsync(a => a.UnitId == feed.UnitId && a.Kind == AlertKind.FeedFailing && a.SubjectId == feed.Id && a.WindowStart == day, ct))
        {
            return;
        }

        var since = office.Text(feed.LastSuccessAt ?? feed.CreatedAt);
        db.Alerts.Add(new Alert
        {
            UnitId = feed.UnitId,
            Kind = AlertKind.FeedFailing,
            SubjectId = feed.Id,
            WindowStart = day,
            CreatedAt = now,
            ReasonVi = new Message("Monitoring.Alert.FeedFailing", feed.Name, since, feed.LastError).Vietnamese,
            ReasonEn = new Message("Monitoring.Alert.FeedFailing", feed.Name, since, feed.LastError).English,
        });
    }
}
