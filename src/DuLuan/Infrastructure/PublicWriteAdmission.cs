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
/// The number of turns follows the measured time in flight (<see cref="AdaptiveLimit"/>, docs/operations.md).
/// </summary>
public sealed class PublicWriteAdmission : IDisposable
{
    public const int RetryAfterSeconds = 2;

    /// <summary>The 429 problem's title and detail in both languages, as the public APIs answer.</summary>
    public static string Title => new Text.Message("PublicWrite.BusyTitle").Both();

    public static string Refusal => new Text.Message("PublicWrite.Busy").Both();

    private readonly Lock gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiting = new();
    private readonly DuLuanMetrics metrics;
    private readonly TimeProvider clock;
    private int inFlight;

    public PublicWriteAdmission(IConfiguration configuration, DuLuanMetrics metrics, Data.GroupCommit writer, TimeProvider clock)
    {
        this.metrics = metrics;
        this.clock = clock;
        // With group commit a write in flight holds no connection while it waits for its batch: as many as one batch
        // takes keep the writer full. Without it, a few writes per core keep the CPU busy while others wait on the disk.
        // Either way far below PostgreSQL's pool of 100, which staff pages and jobs share.
        InFlight = Math.Max(1, configuration.GetValue("RateLimits:PublicWritesInFlight", writer.Enabled ? writer.MaxBatch : 4 * Environment.ProcessorCount));
        // The queue absorbs the bunching of arrivals at a rate the server can carry; the wait bound keeps an admitted
        // write's answer well under half a second when it cannot (a slower machine only shortens the queue in effect).
        Queue = Math.Max(0, configuration.GetValue("RateLimits:PublicWritesQueue", 8 * InFlight));
        MaxWait = TimeSpan.FromMilliseconds(Math.Max(1, configuration.GetValue("RateLimits:PublicWritesWaitMilliseconds", 250)));
        // The turns follow the measured time in flight (AdaptiveLimit); a target of 0 keeps them fixed at InFlight.
        var target = configuration.GetValue("RateLimits:PublicWritesTargetMilliseconds", 200);
        Limit = new AdaptiveLimit(
            target > 0 ? Math.Max(1, configuration.GetValue("RateLimits:PublicWritesMinInFlight", Math.Min(4, InFlight))) : InFlight,
            InFlight,
            target > 0 ? TimeSpan.FromMilliseconds(target) : TimeSpan.MaxValue,
            TimeSpan.FromMilliseconds(Math.Max(1, configuration.GetValue("RateLimits:PublicWritesWindowMilliseconds", 250))),
            clock);
    }

    public int InFlight { get; }

    public int Queue { get; }

    public TimeSpan MaxWait { get; }

    /// <summary>The adaptive limit on writes in flight (at most <see cref="InFlight"/>).</summary>
    internal AdaptiveLimit Limit { get; }

    /// <summary>Turns free right now (0 while every turn is taken).</summary>
    public long Available
    {
        get
        {
            lock (gate)
            {
                return Math.Max(0, Limit.Current - inFlight);
            }
        }
    }

    /// <summary>
    /// A turn to dispose once the write is done, or null: the caller answers 429 with <see cref="Refusal"/>
    /// (Retry-After is already set on the response).
    /// </summary>
    public async ValueTask<RateLimitLease?> TryEnterAsync(HttpContext context)
    {
        TaskCompletionSource<bool>? turn = null;
        LinkedListNode<TaskCompletionSource<bool>>? node = null;
        lock (gate)
        {
            if (inFlight < Limit.Current)
            {
                inFlight++;
                return new Turn(this, clock.GetTimestamp());
            }

            Limit.Saturated();
            // The queue shrinks with the limit, and a write is refused at once when the writes ahead of it would, at the
            // latency just measured, keep it waiting past MaxWait: a quick 429 instead of a wait the client gives up on.
            var bound = (int)Math.Ceiling((double)Queue * Limit.Current / InFlight);
            var expected = Limit.Observed * ((waiting.Count + 1.0) / Limit.Current);
            if (waiting.Count < bound && expected <= MaxWait)
            {
                turn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = waiting.AddLast(turn);
            }
        }

        if (turn is not null)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            wait.CancelAfter(MaxWait);
            await using (wait.Token.Register(() => turn.TrySetResult(false)))
            {
                if (await turn.Task)
                {
                    return new Turn(this, clock.GetTimestamp());
                }
            }

            lock (gate)
            {
                // Timed out or abandoned: leave the queue (a turn handed over at the same moment lost the race to
                // TrySetResult(false) and was not counted).
                if (node!.List is not null)
                {
                    waiting.Remove(node);
                }
            }
        }

        metrics.PublicWritesRefused.Add(1, new KeyValuePair<string, object?>("endpoint", context.GetEndpoint()?.DisplayName));
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private void Leave(long entered)
    {
        lock (gate)
        {
            inFlight--;
            Limit.Record(clock.GetElapsedTime(entered));
            while (inFlight < Limit.Current && waiting.First is { } first)
            {
                waiting.RemoveFirst();
                if (first.Value.TrySetResult(true))
                {
                    inFlight++;
                }
            }
        }
    }

    private sealed class Turn(PublicWriteAdmission owner, long entered) : RateLimitLease
    {
        private int disposed;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(entered);
            }

            base.Dispose(disposing);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var turn in waiting)
            {
                turn.TrySetResult(false);
            }

            waiting.Clear();
        }
    }
}
