namespace DuLuan.Data;

/// <summary>
/// A kind of public write that <see cref="GroupCommit"/> runs many at once: it gets every write of its kind in a batch
/// in one call, inside the batch's transaction (it must not begin, commit or roll back one), and returns one result per
/// item in their order. A refusal is a result; an exception fails the batch, which then runs each item alone (a list of
/// one), so the items must be built into new entities on every call.
/// </summary>
public interface IGroupWrite<TItem, TResult>
{
    Task<IReadOnlyList<TResult>> WriteAsync(AppDbContext db, IReadOnlyList<TItem> items, CancellationToken ct);
}
