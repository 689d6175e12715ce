namespace DuLuan.Features.Concerns.Cases;

public enum RerouteDecision
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>An agency's request to hand a case to another agency, and the office's decision; all kept as history.</summary>
public sealed class RerouteRequest
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long FromAgencyId { get; set; }

    public required string Reason { get; set; }

    public DateTime RequestedAt { get; set; }

    public string? RequestedBy { get; set; }

    public RerouteDecision Decision { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    public long? ToAgencyId { get; set; }
}
