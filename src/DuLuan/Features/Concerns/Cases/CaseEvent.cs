namespace DuLuan.Features.Concerns.Cases;

/// <summary>One step of a case's public status history (a status change, or a re-route request with its reason).</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime At { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>Reason or note shown with the step; redacted free text, never personal data.</summary>
    public string? Note { get; set; }

    public bool RerouteRequested { get; set; }
}
