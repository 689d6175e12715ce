namespace DuLuan.Features.Concerns.Cases;

public enum CaseStatus
{
    New,
    Assigned,
    InProgress,
    Answered,
    Reopened,
    Closed,
    Rejected,
}

/// <summary>A case (vụ việc): one or more concerns about the same matter, routed to an agency with a deadline.</summary>
public sealed class Case
{
    public long Id { get; set; }

    /// <summary>The random reference in public links (/vu-viec/{ref}, Open311): ids count up, references do not.</summary>
    public string PublicRef { get; set; } = Infrastructure.RandomCodes.Slug();

    /// <summary>The place the case is about (a province or commune).</summary>
    public long UnitId { get; set; }

    private string title = string.Empty;
    private string description = string.Empty;

    public required string Title
    {
        get => title;
        set
        {
            title = value;
            SearchText = Fold(value, description);
        }
    }

    public required string Description
    {
        get => description;
        set
        {
            description = value;
            SearchText = Fold(title, value);
        }
    }

    /// <summary>The key of the case's category (lĩnh vực) in its province's list, or null when none was given.</summary>
    public string? Category { get; set; }

    /// <summary>Title and description folded (lower case, no diacritics) for the case list's search; kept by the setters.</summary>
    public string? SearchText { get; set; }

    public Severity Severity { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>The responsible agency: a unit of kind agency.</summary>
    public long? AgencyId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DueAt { get; set; }

    public string? Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Set by the escalation sweep when the deadline passed without an answer.</summary>
    public DateTime? OverdueSince { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, so a stale edit is refused.</summary>
    public int Version { get; set; }

    /// <summary>Still with its agency: not yet answered, closed or rejected.</summary>
    public bool IsOpenForAgency => Status is CaseStatus.New or CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.Reopened;

    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Closed or CaseStatus.Rejected);

    public static string Fold(string title, string description) => Analysis.Text.VietnameseFold.Fold(title + "\n" + description);
}
