namespace DuLuan.Features.Monitoring;

/// <summary>Near-duplicate articles from one or more outlets telling the same news.</summary>
public sealed class Story
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    /// <summary>Representative title: the first article's title.</summary>
    public required string Title { get; set; }

    public DateTime FirstSeenAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public int ArticleCount { get; set; }
}
