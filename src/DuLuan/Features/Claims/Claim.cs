namespace DuLuan.Features.Claims;

/// <summary>The fixed verdict scale, worst first; the number is the schema.org rating value (1 = false, 5 = true).</summary>
public enum Verdict
{
    False = 1,
    Misleading = 2,
    Unproven = 3,
    MissingContext = 4,
    True = 5,
}

public enum ClaimStatus
{
    Open,
    Investigating,
    Answered,
    Archived,
}

/// <summary>
/// A claim (tin cần kiểm chứng): what is being said, never who said it. Where it appeared is kept as
/// links (stories, concerns, reports, outlet pages); no author, account or profile of anyone.
/// </summary>
public sealed class Claim
{
    public const int TextLimit = 1000;
    public const int LongTextLimit = 8000;

    public long Id { get; set; }

    public long UnitId { get; set; }

    /// <summary>What is said: normalised (NFC), markup removed, personal data redacted.</summary>
    public required string Text { get; set; }

    public Verdict? Verdict { get; set; }

    /// <summary>Why the verdict: the evidence read together.</summary>
    public string? Reasoning { get; set; }

    /// <summary>The office's official answer, shown on the public rebuttal page.</summary>
    public string? Answer { get; set; }

    /// <summary>The staff member of the unit responsible for the claim.</summary>
    public string? OwnerId { get; set; }

    public ClaimStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the rebuttal went public on the portal; null while it is internal.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Set when an editor asks for the rebuttal to be published: it waits for the approval tiers, like a post.</summary>
    public DateTime? ReviewRequestedAt { get; set; }

    /// <summary>Who asked for publication: they cannot approve it.</summary>
    public string? ReviewRequestedBy { get; set; }

    /// <summary>Who last changed what the rebuttal says: they cannot approve it either.</summary>
    public string? LastEditorId { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, so a stale edit is refused.</summary>
    public int Version { get; set; }

    public bool InReview => ReviewRequestedAt is not null && PublishedAt is null;

    public bool CanPublish => Verdict is not null && !string.IsNullOrWhiteSpace(Reasoning);
}

public enum ClaimLinkKind
{
    Story,
    Concern,
    OpinionReport,
    Url,
}

/// <summary>Where a claim appeared: a monitoring story, a concern, an opinion report, or a page on the web (http(s) only).</summary>
public sealed class ClaimLink
{
    public long Id { get; set; }

    public long ClaimId { get; set; }

    public ClaimLinkKind Kind { get; set; }

    /// <summary>Id of the story, concern or report; null for a URL.</summary>
    public long? TargetId { get; set; }

    public string? Url { get; set; }

    /// <summary>The site or outlet where it appeared (a news site, never a person).</summary>
    public string? Outlet { get; set; }

    /// <summary>When it appeared there, when known.</summary>
    public DateTime? AppearedAt { get; set; }

    public DateTime AddedAt { get; set; }
}

public enum EvidenceKind
{
    Document,
    Link,
    OfficialData,
}

/// <summary>Evidence for a verdict: a document (JPEG, PNG or PDF, cleaned as case attachments are), a link, or a note of official data.</summary>
public sealed class ClaimEvidence
{
    public long Id { get; set; }

    public long ClaimId { get; set; }

    public EvidenceKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public int Size { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>Shown on the public rebuttal page once the claim is published.</summary>
    public bool IsPublic { get; set; }

    public DateTime AddedAt { get; set; }
}

public enum MatchKind
{
    Story,
    Concern,
}

public enum MatchStatus
{
    Pending,
    Confirmed,
    Dismissed,
}

/// <summary>A suggestion that a story or concern repeats a registered claim, for staff to confirm or dismiss.</summary>
public sealed class ClaimMatch
{
    public long Id { get; set; }

    public long ClaimId { get; set; }

    public MatchKind Kind { get; set; }

    public long TargetId { get; set; }

    public double Score { get; set; }

    public MatchStatus Status { get; set; }

    public DateTime SuggestedAt { get; set; }

    public DateTime? DecidedAt { get; set; }
}

/// <summary>One tier of approval of a rebuttal, for the exact content approved (<see cref="ClaimReview.ContentHash"/>): a later edit makes it stop counting.</summary>
public sealed class ClaimApproval
{
    public long Id { get; set; }

    public long ClaimId { get; set; }

    public int Tier { get; set; }

    public required string ApproverId { get; set; }

    public string? ApproverName { get; set; }

    public DateTime At { get; set; }

    public required string ContentHash { get; set; }
}
