using System.Globalization;
using System.Threading.RateLimiting;
using DuLuan.Infrastructure.Metrics;

namespace DuLuan.Infrastructure;

/// <summary>
/// Admission control for the public writes (survey responses, the concern form, Open311 requests): at most
/// <see cref="InFlight"/> of them touch the database at once and at most <see cref="Queue"/> wait for a turn, each
/// for at most <see cref="MaxWait"/>. Any more, and any that waited too long, are refused with 429 and Retry-After, so a burst is answered in milliseconds instead of
/// queueing in Kestrel, the thread pool and the connection pool until the client gives up. Callers enter after
/// they have read and checked the body (a slow sender holds no turn, malformed input still gets its 400) and
/// before their first write. The per-address per-minute limits stay in front of this.
/// </summary>
public sealed class PublicWriteAdmission : IDisposable
{
    public const int RetryAfterSeconds = 2;

    /// <summary>The 429 problem's title and detail in both languages, as the public APIs answer.</summary>
    public static string Title => new Text.Message("PublicWrite.BusyTitle").Both();

    public static string Refusal => new Text.Message("PublicWrite.Busy").Both();

    private readonly ConcurrencyLimiter limiter;
    private readonly DuLuanMetrics metrics;

    public PublicWriteAdmission(IConfiguration configuration, DuLuanMetrics metrics, Data.GroupCommit writer)
    {
        this.metrics = metrics;
        // With group commit a write in flight holds no connection while it waits for its batch: as many as one batch
        // takes keep the writer full. Without it, a few writes per core keep the CPU busy while others wait on the disk.
        // Either way far below PostgreSQL's pool of 100, which staff pages and jobs share.
        InFlight = Math.Max(1, configuration.GetValue("RateLimits:PublicWritesInFlight", writer.Enabled ? writer.MaxBatch : 4 * Environment.ProcessorCount));
        // The queue absorbs the bunching of arrivals at a rate the server can carry; the wait bound keeps an admitted
        // write's answer well under half a second when it cannot (a slower machine only shortens the queue in effect).
        Queue = Math.Max(0, configuration.GetValue("RateLimits:PublicWritesQueue", 8 * InFlight));
        MaxWait = TimeSpan.FromMilliseconds(Math.Max(1, configuration.GetValue("RateLimits:PublicWritesWaitMilliseconds", 250)));
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = InFlight,
            QueueLimit = Queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int InFlight { get; }

    public int Queue { get; }

    public TimeSpan MaxWait { get; }

    /// <summary>Turns free right now (0 while every turn is taken).</summary>
    public long Available => limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>
    /// A turn to dispose once the write is done, or null: the caller answers 429 with <see cref="Refusal"/>
    /// (Retry-After is already set on the response).
    /// </summary>
    public async ValueTask<RateLimitLease?> TryEnterAsync(HttpContext context)
    {
        var lease = limiter.AttemptAcquire(1);
        if (!lease.IsAcquired && Queue > 0)
        {
            lease.Dispose();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            wait.CancelAfter(MaxWait);
            try
            {
                lease = await limiter.AcquireAsync(1, wait.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                lease = null;
            }
        }

        if (lease is { IsAcquired: true })
        {
            return lease;
        }

        lease?.Dispose();
        metrics.PublicWritesRefused.Add(1, new KeyValuePair<string, object?>("endpoint", context.GetEndpoint()?.DisplayName));
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
