namespace DuLuan.Features.Concerns.Cases;

/// <summary>An internal note between the office and the agency; never shown on the public page.</summary>
public sealed class CaseNote
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The staff member who wrote it (a member id, not a resident).</summary>
    public string? AuthorId { get; set; }

    public required string Text { get; set; }
}
