namespace DuLuan.Features.Concerns.Intake;

/// <summary>Settings under "Concerns".</summary>
public sealed class ConcernOptions
{
    public const string Section = "Concerns";

    /// <summary>A person needs at least this long to read and fill the portal form.</summary>
    public int MinimumFillSeconds { get; set; } = 5;

    /// <summary>Portal submissions allowed per address per hour.</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>Follow-up page posts (code look-ups and reopenings) allowed per address per hour.</summary>
    public int FollowUpAttemptsPerHour { get; set; } = 30;

    /// <summary>Contacts are purged this many days after their case closes.</summary>
    public int ContactRetentionDays { get; set; } = 30;

    /// <summary>Contacts of concerns never joined to a case are purged after this many days.</summary>
    public int UnlinkedContactRetentionDays { get; set; } = 90;

    /// <summary>How often the contact purge runs; 0 turns it off.</summary>
    public int ContactPurgeMinutes { get; set; } = 5;
}
