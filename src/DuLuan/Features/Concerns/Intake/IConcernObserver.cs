namespace DuLuan.Features.Concerns.Intake;

/// <summary>Told after a new concern (not a collapsed duplicate) has been stored, with its redacted text.</summary>
public interface IConcernObserver
{
    Task ConcernReceivedAsync(Concern concern, CancellationToken ct);
}
