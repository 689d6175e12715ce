namespace DuLuan.Features.Concerns.Cases;

/// <summary>A reusable answer of one agency, kept by its lead.</summary>
public sealed class AnswerTemplate
{
    public long Id { get; set; }

    public long AgencyId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}
