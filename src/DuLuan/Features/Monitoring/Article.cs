namespace DuLuan.Features.Monitoring;

/// <summary>One published item, stored once per unit (same GUID or canonical URL).</summary>
public sealed class Article
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public long FeedId { get; set; }

    public long StoryId { get; set; }

    /// <summary>SHA-256 (hex) of the canonical URL, or of the entry id when there is no link.</summary>
    public required string Key { get; set; }

    public string? Url { get; set; }

    public required string Title { get; set; }

    /// <summary>Plain text of the summary or content, normalised, cut to a readable length.</summary>
    public required string Text { get; set; }

    public required string Outlet { get; set; }

    public DateTime PublishedAt { get; set; }

    public DateTime FetchedAt { get; set; }

    /// <summary><see cref="DuLuan.Analysis.Text.Search.SearchText.IndexForm"/> of title and text: what full-text search indexes.</summary>
    public required string Folded { get; set; }

    /// <summary>MinHash signature (little-endian uint32s) so any instance can rebuild the story index.</summary>
    public required byte[] Signature { get; set; }
}
