namespace DuLuan.Features.Dialogue;

/// <summary>How a dialogue is carried to residents.</summary>
public enum DialogueChannel
{
    /// <summary>The commune's loudspeakers or radio (truyền thanh).</summary>
    Loudspeaker,

    /// <summary>A livestream on the office's official page.</summary>
    Livestream,

    /// <summary>In person, at the cultural house or the office.</summary>
    InPerson,
}

public enum DialogueStatus
{
    /// <summary>Announced: residents send questions.</summary>
    Collecting,

    /// <summary>Held: answers and commitments are being recorded.</summary>
    Held,

    /// <summary>Questions and answers are on the place's site.</summary>
    Published,
}

/// <summary>
/// A dialogue with residents (đối thoại) of one unit: when, how it is carried, the officials who answer (public officials
/// by their office title and name), the topics, and the questions put to it.
/// </summary>
public sealed class DialogueSession
{
    public const int MaxTitle = 200;
    public const int MaxVenue = 200;
    public const int MaxOfficials = 1000;
    public const int MaxTopics = 1000;

    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Title { get; set; }

    public DateTime StartsAt { get; set; }

    public DialogueChannel Channel { get; set; }

    /// <summary>Where, or on which page or frequency.</summary>
    public string? Venue { get; set; }

    /// <summary>One official a line, "office title: name" (public officials acting in office).</summary>
    public required string Officials { get; set; }

    /// <summary>One topic a line.</summary>
    public string? Topics { get; set; }

    public DialogueStatus Status { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? HeldAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public static IEnumerable<string> Lines(string? text)
        => (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Where a question comes from. Residents' questions name nobody; staff add the others from what residents raise.</summary>
public enum QuestionSource
{
    Resident,
    Concerns,
    Opinions,
    Staff,
}

/// <summary>Where a question stands on its way to the session.</summary>
public enum QuestionStage
{
    Received,
    Picked,
    WithAgency,
    Drafted,
    Approved,
}

/// <summary>
/// A question for a dialogue. A resident's is stored redacted (<c>TypedText.FromResident</c>), with only the hash of its
/// follow-up code: no name, contact or address of whoever asked. Near-duplicates point at the first of their group.
/// </summary>
public sealed class DialogueQuestion
{
    public const int MaxText = 1000;
    public const int MaxAnswer = 4000;
    public const int MaxSpeaker = 200;
    public const int MaxLabel = 300;

    public long Id { get; set; }

    public long SessionId { get; set; }

    public required string Text { get; set; }

    public QuestionSource Source { get; set; }

    /// <summary>What a suggested question is drawn from ("Giao thông · Phường Hoà Khánh (12)"); null for residents'.</summary>
    public string? SourceLabel { get; set; }

    /// <summary>The suggestion's key within its source, so the same suggestion is added once.</summary>
    public string? SourceKey { get; set; }

    /// <summary>Reports behind a suggested question (1 for a resident's).</summary>
    public int Weight { get; set; } = 1;

    /// <summary>The first question of its near-duplicate group; null when it leads its group or stands alone.</summary>
    public long? GroupId { get; set; }

    public string? FollowUpHash { get; set; }

    public DateTime ReceivedAt { get; set; }

    public QuestionStage Stage { get; set; }

    /// <summary>Place in the run sheet (kịch bản), from 1.</summary>
    public int? Position { get; set; }

    public long? AgencyId { get; set; }

    public string? Answer { get; set; }

    /// <summary>Who answers at the session: an official's title and name, as listed on the session.</summary>
    public string? Speaker { get; set; }

    public string? DraftedBy { get; set; }

    public DateTime? DraftedAt { get; set; }
}

/// <summary>One tier of approval of a question's answer, valid for the exact answer it was given for.</summary>
public sealed class DialogueApproval
{
    public long Id { get; set; }

    public long QuestionId { get; set; }

    public int Tier { get; set; }

    public required string ApproverId { get; set; }

    public required string ContentHash { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Something promised at the session, tracked as a case with a deadline until its public answer.</summary>
public sealed class DialogueCommitment
{
    public const int MaxText = 1000;

    public long Id { get; set; }

    public long SessionId { get; set; }

    public long QuestionId { get; set; }

    public required string Text { get; set; }

    public DateTime DueAt { get; set; }

    public long CaseId { get; set; }

    public required string CaseRef { get; set; }

    public DateTime CreatedAt { get; set; }
}
