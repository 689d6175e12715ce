namespace DuLuan.Data;

/// <summary>The writes waiting in <see cref="GroupCommit"/>: one alone, or one of a kind written many at once.</summary>
public sealed partial class GroupCommit
{
    private abstract class Pending
    {
        /// <summary>The <see cref="IGroupWrite{TItem, TResult}"/> this write is one of, or null for a write of its own.</summary>
        public virtual object? Kind => null;

        /// <summary>Fires when the caller no longer waits for this write (checked only before its batch starts).</summary>
        public CancellationToken Abandoned { get; init; }

        /// <summary>When it was queued (<see cref="TimeProvider.GetTimestamp"/> of the writer's clock).</summary>
        public long Queued { get; set; }

        public abstract void Cancel();

        /// <summary>Runs <paramref name="group"/>: this write alone, or every write of its kind in the batch (this one first).</summary>
        public abstract Task RunAsync(AppDbContext db, List<Pending> group);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private abstract class Pending<T> : Pending
    {
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected T? Result { get; set; }

        public override void Complete() => Done.TrySetResult(Result!);

        public override void Fail(Exception e) => Done.TrySetException(e);

        public override void Cancel() => Done.TrySetCanceled(Abandoned);
    }

    private sealed class Single<T>(Func<AppDbContext, CancellationToken, Task<T>> write) : Pending<T>
    {
        public override async Task RunAsync(AppDbContext db, List<Pending> group) => Result = await write(db, CancellationToken.None);
    }

    private sealed class Grouped<TItem, TResult>(IGroupWrite<TItem, TResult> kind, TItem item) : Pending<TResult>
    {
        public override object Kind => kind;

        public TItem Item { get; } = item;

        public override async Task RunAsync(AppDbContext db, List<Pending> group)
        {
            var members = group.Cast<Grouped<TItem, TResult>>().ToList();
            var results = await kind.WriteAsync(db, members.ConvertAll(m => m.Item), CancellationToken.None);
            if (results.Count != members.Count)
            {
                throw new InvalidOperationException($"{kind.GetType().Name} gave {results.Count} results for {members.Count} writes.");
            }

            for (var i = 0; i < members.Count; i++)
            {
                members[i].Result = results[i];
            }
        }
    }
}

/// <summary>The write waited longer than <see cref="GroupCommit.MaxQueueWait"/> for its batch and was not written: answer 429.</summary>
public sealed class WriterBusyException() : Exception("The public-write queue is too long; the write was not stored.");
