using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

/// <summary>
/// One writer for the public writes (survey answers, concerns, Open311 posts): callers hand it a write, it runs the
/// writes that are waiting together in one transaction (at most <see cref="MaxBatch"/>, gathered for at most
/// <see cref="Delay"/> after the first), and each caller's task completes only after that transaction committed.
/// A commit (and on PostgreSQL with fsync, a WAL flush) per batch instead of per write is what lets intake keep up
/// with many residents at once.
/// <para>A write runs inside the batch's transaction on the context it is given: it must not begin, commit or roll back
/// a transaction, must build its entities inside the delegate (it may run twice) and must write nothing it would have
/// to take back: it checks first and returns a refusal, or throws. When a write throws or the commit fails, the whole
/// batch is rolled back and every write in it runs again alone, each in its own transaction, so only the bad one
/// fails (its caller gets its exception). Writes are therefore expected to be idempotent by their own keys (an
/// idempotency key, a dedup key): a commit that failed after reaching the database is then found, not doubled.</para>
/// <para>A kind of write that can do the work of many at once (<see cref="IGroupWrite{TItem, TResult}"/>, the survey answers)
/// is handed the batch's writes of its kind in one call: one set of checks, one save and one update of running totals
/// per batch instead of per write.</para>
/// <para>Nothing about a caller (address, arrival time, order) is logged or kept. Stopping the host drains the queue;
/// writes handed in after that, or with <c>PublicWrites:GroupCommit=false</c>, run alone at once.</para>
/// </summary>
public sealed partial class GroupCommit : IHostedService, IDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<GroupCommit> log;
    private readonly bool sqlite;

    /// <summary>SQLite has one writer: writes run alone outside the loop wait here instead of in its busy-timeout back-off.</summary>
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);
    private readonly Lock starting = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;
    private bool stopped;
    private long batches;
    private long written;
    private long busyTicks;
    private long failedBatches;
    private long abandonedWrites;
    private long shedWrites;
    private int largest;

    /// <summary>Writes in the queue (a single-reader channel cannot count them itself).</summary>
    private int waiting;

    private readonly TimeProvider clock;

    public GroupCommit(IServiceScopeFactory scopes, DatabaseOptions database, ILogger<GroupCommit> log, IConfiguration? configuration = null, TimeProvider? clock = null)
    {
        this.scopes = scopes;
        this.log = log;
        this.clock = clock ?? TimeProvider.System;
        MaxQueueWait = TimeSpan.FromMilliseconds(Math.Max(1, configuration?.GetValue("PublicWrites:GroupCommitMaxWaitMilliseconds", 2000) ?? 2000));
        sqlite = database.Provider == DatabaseProvider.Sqlite;
        Enabled = configuration?.GetValue("PublicWrites:GroupCommit", true) ?? true;
        MaxBatch = Math.Max(1, configuration?.GetValue("PublicWrites:GroupCommitMaxBatch", 64) ?? 64);
        Delay = TimeSpan.FromMilliseconds(Math.Max(0, configuration?.GetValue("PublicWrites:GroupCommitMilliseconds", 2) ?? 2));
        ByKind = configuration?.GetValue("PublicWrites:GroupCommitByKind", true) ?? true;
    }

    /// <summary>False: every write runs alone at once, in its own transaction (the behaviour before group commit).</summary>
    public bool Enabled { get; }

    public int MaxBatch { get; }

    /// <summary>
    /// True: the writes of one <see cref="IGroupWrite{TItem, TResult}"/> kind in a batch are handed over in one call.
    /// False (<c>PublicWrites:GroupCommitByKind=false</c>): each runs on its own, still in the batch's transaction.
    /// </summary>
    public bool ByKind { get; }

    /// <summary>How long the writer waits for more writes after the first of a batch (0: only those already waiting).</summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// How long a write may wait in the queue for its batch (<c>PublicWrites:GroupCommitMaxWaitMilliseconds</c>, default 2 s):
    /// one that waited longer is not written and fails with <see cref="WriterBusyException"/>, which the public endpoints
    /// answer with 429 and Retry-After. When the machine cannot keep up (a CPU-starved host, a slow disk), residents are
    /// told to retry in seconds instead of waiting until their phone gives up.
    /// </summary>
    public TimeSpan MaxQueueWait { get; }

    /// <summary>Writes refused because they waited longer than <see cref="MaxQueueWait"/>.</summary>
    public long Shed => Interlocked.Read(ref shedWrites);

    /// <summary>Writes waiting for the next batch.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>What the writer has done since start: counts only, nothing about a write or its caller.</summary>
    public (long Batches, long Writes, int Largest, long FailedBatches, TimeSpan Busy) Statistics
        => (Interlocked.Read(ref batches), Interlocked.Read(ref written), Volatile.Read(ref largest), Interlocked.Read(ref failedBatches), TimeSpan.FromTicks(Interlocked.Read(ref busyTicks)));

    /// <summary>
    /// Runs <paramref name="write"/> in the next batch; completes once its batch committed. <paramref name="abandoned"/>
    /// (the request's, when its client gives up): if it fires before the batch starts, the write is not made and the task is
    /// cancelled, so an overloaded writer spends nothing on answers nobody waits for. Once its batch started, it is written.
    /// </summary>
    public Task<T> RunAsync<T>(Func<AppDbContext, CancellationToken, Task<T>> write, CancellationToken abandoned = default)
        => Enqueue(new Single<T>(write) { Abandoned = abandoned });

    /// <summary>Writes <paramref name="item"/> with the other items of <paramref name="kind"/> in the next batch; completes once it committed (<paramref name="abandoned"/>: as above).</summary>
    public Task<TResult> RunAsync<TItem, TResult>(IGroupWrite<TItem, TResult> kind, TItem item, CancellationToken abandoned = default)
        => Enqueue(new Grouped<TItem, TResult>(kind, item) { Abandoned = abandoned });

    /// <summary>Writes dropped because their caller gave up while they waited for a batch.</summary>
    public long Abandoned => Interlocked.Read(ref abandonedWrites);

    private Task<T> Enqueue<T>(Pending<T> item)
    {
        if (!Enabled || !Started())
        {
            return AloneInlineAsync(item);
        }

        item.Queued = clock.GetTimestamp();
        Interlocked.Increment(ref waiting);
        if (!queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref waiting);
            return AloneInlineAsync(item);
        }

        return item.Done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes no more writes into the queue and returns once every queued one has been written and answered.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? running;
        lock (starting)
        {
            stopped = true;
            running = loop;
        }

        queue.Writer.TryComplete();
        // Completing the queue wakes the loop's wait; the token also cuts its gathering delay short. Then it drains.
        await stopping.CancelAsync();
        if (running is not null)
        {
            await running.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        sqliteWriter.Dispose();
        stopping.Dispose();
    }

    private bool Started()
    {
        lock (starting)
        {
            if (stopped)
            {
                return false;
            }

            loop ??= Task.Run(LoopAsync);
            return true;
        }
    }

    private async Task LoopAsync()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await MoreAsync(reader))
        {
            Take(reader, batch);
            if (batch.Count < MaxBatch && Delay > TimeSpan.Zero && !stopping.IsCancellationRequested)
            {
                await Task.Delay(Delay);
                Take(reader, batch);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            await sqliteWriter.WaitAsync();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await WriteAsync(batch);
            }
            finally
            {
                sqliteWriter.Release();
                // Time the writer spent writing: near the whole run, it is what limits intake; far below, the requests are.
                Interlocked.Add(ref busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Waits for a write; false once the host stopped and the queue is empty. Stopping completes the queue first, so after
    /// the stop token fired the wait without it returns at once: true while writes remain (the drain), then false.
    /// </summary>
    private async ValueTask<bool> MoreAsync(ChannelReader<Pending> reader)
    {
        try
        {
            return await reader.WaitToReadAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return await reader.WaitToReadAsync(CancellationToken.None);
        }
    }

    private void Take(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < MaxBatch && reader.TryRead(out var item))
        {
            Interlocked.Decrement(ref waiting);
            if (item.Abandoned.IsCancellationRequested)
            {
                // Its client gave up (or timed out) while it waited: under overload, that is most of the queue.
                Interlocked.Increment(ref abandonedWrites);
                item.Cancel();
                continue;
            }

            if (clock.GetElapsedTime(item.Queued) > MaxQueueWait && !stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref shedWrites);
                item.Fail(new WriterBusyException());
                continue;
            }

            batch.Add(item);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        if (batch.Count == 1)
        {
            await AloneAsync(batch[0]);
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A failed batch is rolled back whole and each write runs again alone: a savepoint around every save (a
            // SAVEPOINT and a RELEASE round trip each, on PostgreSQL) would take back nothing that matters.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var group in ByKind ? Groups(batch) : batch.ConvertAll(item => new List<Pending> { item }))
            {
                await group[0].RunAsync(db, group);
                // Each write saves its own rows; what it left tracked only slows the next one's change detection.
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref failedBatches);
            LogBatchFailed(batch.Count, e.GetType().Name);
            foreach (var item in batch)
            {
                await AloneAsync(item);
            }

            return;
        }

        Committed(batch.Count);
        foreach (var item in batch)
        {
            item.Complete();
        }
    }

    /// <summary>The batch in order of arrival, the writes of one <see cref="IGroupWrite{TItem, TResult}"/> kind together.</summary>
    private static List<List<Pending>> Groups(List<Pending> batch)
    {
        var groups = new List<List<Pending>>();
        var byKind = new Dictionary<object, List<Pending>>(ReferenceEqualityComparer.Instance);
        foreach (var item in batch)
        {
            if (item.Kind is null)
            {
                groups.Add([item]);
                continue;
            }

            if (!byKind.TryGetValue(item.Kind, out var group))
            {
                group = [];
                byKind.Add(item.Kind, group);
                groups.Add(group);
            }

            group.Add(item);
        }

        return groups;
    }

    private void Committed(int count)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref written, count);
        if (count > Volatile.Read(ref largest))
        {
            Volatile.Write(ref largest, count); // only the loop writes batches of more than one
        }
    }

    /// <summary>One write in its own transaction; its caller gets the result or the exception.</summary>
    private async Task AloneAsync(Pending item)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await item.RunAsync(db, [item]);
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            item.Fail(e);
            return;
        }

        Committed(1);
        item.Complete();
    }

    private async Task<T> AloneInlineAsync<T>(Pending<T> item)
    {
        if (sqlite)
        {
            await sqliteWriter.WaitAsync();
        }

        try
        {
            await AloneAsync(item);
        }
        finally
        {
            if (sqlite)
            {
                sqliteWriter.Release();
            }
        }

        return await item.Done.Task;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} writes failed ({Error}); each is written again on its own.")]
    private partial void LogBatchFailed(int count, string error);
}
