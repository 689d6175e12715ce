namespace DuLuan.Features.Publish;

public enum PostStatus
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Failed,
}

public enum LinkKind
{
    Case,
    Claim,
    Story,
}

/// <summary>A post (bài đăng) of a unit on its official channels: the portal always, and the unit's chosen Facebook Page / Zalo OA.</summary>
public sealed class Post
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Title { get; set; }

    /// <summary>Sanitised HTML (allow-list); what the portal shows.</summary>
    public required string BodyHtml { get; set; }

    /// <summary>Plain text of the body; what Facebook and Zalo receive.</summary>
    public required string BodyText { get; set; }

    /// <summary>Topics, comma separated, NFC, at most 10.</summary>
    public string Tags { get; set; } = string.Empty;

    public LinkKind? LinkKind { get; set; }

    public long? LinkId { get; set; }

    /// <summary>An optional link shared with the post (Facebook's link field).</summary>
    public string? LinkUrl { get; set; }

    public PostStatus Status { get; set; }

    /// <summary>SHA-256 of title, body, tags, link and image: an approval counts only while it matches.</summary>
    public required string ContentHash { get; set; }

    public required string AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>The last member who changed the content; cannot approve it either.</summary>
    public required string LastEditorId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ScheduledAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>When the publishing job next tries this post (scheduled time, then back-off).</summary>
    public DateTime? NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, so of two concurrent approvals one wins.</summary>
    public int Version { get; set; }

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class PostImage
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public required string ContentType { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }
}

public enum TargetStatus
{
    Pending,
    Published,
    Failed,
}

/// <summary>One external channel a post goes to, with its own outcome (the portal needs none).</summary>
public sealed class PostTarget
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public long ChannelId { get; set; }

    public TargetStatus Status { get; set; }

    public string? ExternalId { get; set; }

    public int? LastHttpStatus { get; set; }

    public string? LastError { get; set; }

    public DateTime? PublishedAt { get; set; }
}

public sealed class PostApproval
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public int Tier { get; set; }

    public required string ApproverId { get; set; }

    public string? ApproverName { get; set; }

    public DateTime At { get; set; }

    /// <summary>The content this approval was given for; when the post changes the approval no longer counts.</summary>
    public required string ContentHash { get; set; }
}

public sealed class PostComment
{
    public long Id { get; set; }

    public long PostId { get; set; }

    public required string AuthorId { get; set; }

    public string? AuthorName { get; set; }

    public DateTime At { get; set; }

    public required string Text { get; set; }
}

/// <summary>Per-unit publishing settings: the number of approval tiers (1–3). A unit without a row inherits its nearest ancestor's.</summary>
public sealed class PublishSettings
{
    public long UnitId { get; set; }

    public int ApprovalTiers { get; set; } = 1;
}
