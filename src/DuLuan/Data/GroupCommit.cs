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
    private long failedBatches;
    private int largest;

    /// <summary>Writes in the queue (a single-reader channel cannot count them itself).</summary>
    private int waiting;

    public GroupCommit(IServiceScopeFactory scopes, DatabaseOptions database, ILogger<GroupCommit> log, IConfiguration? configuration = null)
    {
        this.scopes = scopes;
        this.log = log;
        sqlite = database.Provider == DatabaseProvider.Sqlite;
        Enabled = configuration?.GetValue("PublicWrites:GroupCommit", true) ?? true;
        MaxBatch = Math.Max(1, configuration?.GetValue("PublicWrites:GroupCommitMaxBatch", 64) ?? 64);
        Delay = TimeSpan.FromMilliseconds(Math.Max(0, configuration?.GetValue("PublicWrites:GroupCommitMilliseconds", 2) ?? 2));
    }

    /// <summary>False: every write runs alone at once, in its own transaction (the behaviour before group commit).</summary>
    public bool Enabled { get; }

    public int MaxBatch { get; }

    /// <summary>How long the writer waits for more writes after the first of a batch (0: only those already waiting).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Writes waiting for the next batch.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>What the writer has done since start: counts only, nothing about a write or its caller.</summary>
    public (long Batches, long Writes, int Largest, long FailedBatches) Statistics
        => (Interlocked.Read(ref batches), Interlocked.Read(ref written), Volatile.Read(ref largest), Interlocked.Read(ref failedBatches));

    /// <summary>Runs <paramref name="write"/> in the next batch; completes once its batch committed.</summary>
    public Task<T> RunAsync<T>(Func<AppDbContext, CancellationToken, Task<T>> write)
    {
        var item = new Pending<T>(write);
        if (!Enabled || !Started())
        {
            return AloneInlineAsync(item);
        }

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
        // The loop's wait for more writes does not always wake on completion alone: it is told directly, then drains.
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
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(stopping.Token))
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                if (Waiting == 0)
                {
                    break;
                }
            }

            Take(reader, batch);
            if (batch.Count < MaxBatch && Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
                Take(reader, batch);
            }

            await sqliteWriter.WaitAsync();
            try
            {
                await WriteAsync(batch);
            }
            finally
            {
                sqliteWriter.Release();
            }

            batch.Clear();
        }
    }

    private void Take(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < MaxBatch && reader.TryRead(out var item))
        {
            Interlocked.Decrement(ref waiting);
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
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var item in batch)
            {
                await item.RunAsync(db);
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
            await item.RunAsync(db);
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

    private abstract class Pending
    {
        public abstract Task RunAsync(AppDbContext db);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private sealed class Pending<T>(Func<AppDbContext, CancellationToken, Task<T>> write) : Pending
    {
        private T? result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(AppDbContext db) => result = await write(db, CancellationToken.None);

        public override void Complete() => Done.TrySetResult(result!);

        public override void Fail(Exception e) => Done.TrySetException(e);
    }
}
