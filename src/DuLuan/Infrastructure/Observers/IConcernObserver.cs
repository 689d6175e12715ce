namespace DuLuan.Infrastructure.Observers;

/// <summary>A concern just stored, as an observer sees it: its id, its place and its redacted text (never its sender).</summary>
public sealed record ReceivedConcern(long Id, long UnitId, string Title, string Description);

/// <summary>
/// Told after a new concern (not a collapsed duplicate) has been stored, with its redacted text. The kernel declares it,
/// Concerns' intake calls it, and a capability that reacts implements it (Claims matches the concern against its claims),
/// so neither names the other.
/// </summary>
public interface IConcernObserver
{
    Task ConcernReceivedAsync(ReceivedConcern concern, CancellationToken ct);
}
