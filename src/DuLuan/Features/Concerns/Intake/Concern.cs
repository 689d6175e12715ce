namespace DuLuan.Features.Concerns.Intake;

public enum ConcernSource
{
    Portal,

    /// <summary>Entered by staff without saying how it arrived (older rows).</summary>
    Staff,

    /// <summary>A suggestion in a collaborator's opinion report.</summary>
    OpinionReport,

    Phone,
    Paper,
    Meeting,

    /// <summary>Posted by an Open311 GeoReport client with an API key.</summary>
    Open311,
}

public enum ConcernStatus
{
    New,

    /// <summary>Looks like link spam: staff review it before it joins a case.</summary>
    Held,
    Linked,
    Dismissed,
}

/// <summary>
/// A resident's concern (phản ánh, kiến nghị). Free text is stored redacted; the optional contact
/// is encrypted, read only to answer (each read audited) and purged after the case closes. No
/// address, cookie or account of the sender is kept.
/// </summary>
public sealed class Concern
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public ConcernSource Source { get; set; }

    public ConcernStatus Status { get; set; }

    public long? CaseId { get; set; }

    /// <summary>The open case this concern most resembles when it arrived, for staff to join.</summary>
    public long? SimilarCaseId { get; set; }

    /// <summary>Random token given to the Open311 client that posted it (never derived from the text).</summary>
    public string Token { get; set; } = Infrastructure.RandomCodes.Token();

    /// <summary>Hash of normalised text, unit and local day: identical submissions collapse into one row. Never shown.</summary>
    public required string DedupKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>Contact details encrypted with Data Protection; null when anonymous or purged.</summary>
    public string? ContactProtected { get; set; }

    public DateTime? ContactPurgedAt { get; set; }

    /// <summary>Where the problem is (address or landmark), as the resident typed it: kept intact, not redacted, since the agency must find it.</summary>
    public string? Location { get; set; }

    /// <summary>An optional map point of the problem, from the phone with the resident's consent, rounded to about 10 m.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>One of <see cref="ConcernCategories.All"/>, or null when the sender did not choose.</summary>
    public string? Category { get; set; }
}

/// <summary>
/// The hash of a follow-up code (mã theo dõi) given once to a resident who sent the concern: with it, and only with
/// it, they see the progress and reopen an answered case. Identical submissions each get their own code.
/// </summary>
public sealed class ConcernFollowUp
{
    public long Id { get; set; }

    public long ConcernId { get; set; }

    public Concern? Concern { get; set; }

    /// <summary>PBKDF2 of the normalised code (see <see cref="FollowUpCode.Hash"/>); the code itself is never stored.</summary>
    public required string CodeHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
