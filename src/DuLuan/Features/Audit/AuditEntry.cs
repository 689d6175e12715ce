namespace DuLuan.Features.Audit;

/// <summary>Who did what, when (UTC), in which unit, from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public required string Action { get; set; }

    public long? UnitId { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? RemoteAddress { get; set; }
}
