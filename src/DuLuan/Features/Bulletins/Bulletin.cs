namespace DuLuan.Features.Bulletins;

/// <summary>The two daily programmes of the commune loudspeakers.</summary>
public enum BulletinSlot
{
    Morning,
    Evening,
}

public enum BulletinStatus
{
    Draft,
    InReview,
    Approved,
}

public enum RenderState
{
    None,
    Queued,
    Rendering,
    Done,
    Failed,
}

/// <summary>
/// A loudspeaker bulletin (bản tin truyền thanh) of a commune or province for one day and slot: the written text
/// (published beside the audio, for people who cannot hear it), the spoken text (numbers, dates and abbreviations
/// written out; staff may edit it), approval in the office's tiers, and the rendered audio.
/// </summary>
public sealed class Bulletin
{
    public const int TitleLimit = 200;
    public const int TextLimit = 20000;

    public long Id { get; set; }

    public long UnitId { get; set; }

    public DateOnly AirDate { get; set; }

    public BulletinSlot Slot { get; set; }

    public required string Title { get; set; }

    public required string WrittenText { get; set; }

    public required string SpokenText { get; set; }

    public BulletinStatus Status { get; set; }

    /// <summary>SHA-256 of title, written and spoken text: approvals and audio count only for the content they were given for.</summary>
    public required string ContentHash { get; set; }

    public required string AuthorId { get; set; }

    public required string LastEditorId { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When it went public (approved and its audio made): from then on in the feed and the playlist.</summary>
    public DateTime? PublishedAt { get; set; }

    public RenderState RenderState { get; set; }

    /// <summary>0–100 while the audio is made.</summary>
    public int RenderProgress { get; set; }

    public string? RenderError { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public int Version { get; set; }
}

/// <summary>One public item the bulletin reads out, with its link on the place's site.</summary>
public sealed class BulletinItem
{
    public long Id { get; set; }

    public long BulletinId { get; set; }

    public int Position { get; set; }

    public required string Kind { get; set; }

    public long SourceId { get; set; }

    public required string Title { get; set; }

    public required string Link { get; set; }
}

/// <summary>One tier of approval for one content, as for posts and rebuttals.</summary>
public sealed class BulletinApproval
{
    public long Id { get; set; }

    public long BulletinId { get; set; }

    public int Tier { get; set; }

    public required string ApproverId { get; set; }

    public string? ApproverName { get; set; }

    public DateTime At { get; set; }

    public required string ContentHash { get; set; }
}

/// <summary>The rendered MP3 of a bulletin, its length, loudness and how it was made.</summary>
public sealed class BulletinAudio
{
    public long BulletinId { get; set; }

    public required byte[] Mp3 { get; set; }

    public int DurationMs { get; set; }

    public double Lufs { get; set; }

    public double PeakDbfs { get; set; }

    public required string Engine { get; set; }

    public int RenderMs { get; set; }

    public DateTime RenderedAt { get; set; }

    public required string ContentHash { get; set; }
}

/// <summary>When a place's loudspeakers play the morning and evening bulletins (minutes after midnight, office time).</summary>
public sealed class BulletinSchedule
{
    public const int DefaultMorning = 6 * 60;
    public const int DefaultEvening = 17 * 60;

    public long UnitId { get; set; }

    public int MorningMinute { get; set; } = DefaultMorning;

    public int EveningMinute { get; set; } = DefaultEvening;
}
