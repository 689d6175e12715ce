namespace DuLuan.Features.Monitoring;

public enum AlertKind
{
    Topic,
    Story,
    FeedFailing,
}

/// <summary>Something rising (a topic or a story) or a feed failing for a day, with the reason in plain words.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>Topic, story or feed id, by <see cref="Kind"/>.</summary>
    public long SubjectId { get; set; }

    /// <summary>Start of the window the alert is about; one alert per subject and window.</summary>
    public DateTime WindowStart { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string ReasonVi { get; set; }

    public required string ReasonEn { get; set; }

    /// <summary>When the e-mail digest that carried it went out; null until then.</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>A search a member keeps, stored as its query string.</summary>
public sealed class SavedSearch
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string MemberId { get; set; }

    public required string Name { get; set; }

    public required string Query { get; set; }

    public DateTime CreatedAt { get; set; }
}
