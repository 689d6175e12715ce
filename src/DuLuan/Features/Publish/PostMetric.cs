namespace DuLuan.Features.Publish;

/// <summary>
/// Reach and interactions of one post on one channel for one day. Names are abstract on purpose: platforms rename
/// theirs (Meta replaced "impressions" with "views" in 2025), the connector or CSV import maps them here.
/// </summary>
public sealed class PostMetric
{
    public long Id { get; set; }

    public long PostId { get; set; }

    /// <summary>Copied from the post so a subtree roll-up is one join with units.</summary>
    public long UnitId { get; set; }

    /// <summary>"Portal", "Facebook" or "Zalo".</summary>
    public required string Channel { get; set; }

    public DateOnly Day { get; set; }

    public long Views { get; set; }

    public long Reach { get; set; }

    public long Reactions { get; set; }

    public long Comments { get; set; }

    public long Shares { get; set; }

    public long LinkClicks { get; set; }
}
