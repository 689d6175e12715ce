namespace DuLuan.Features.Monitoring.Ingest;

public enum FeedFormat
{
    Unknown,
    Rss2,
    Rss1,
    Atom,
    JsonFeed,
}

/// <summary>What the parser understood of one feed document. Never null fields for lists.</summary>
public sealed record ParsedFeed
{
    public FeedFormat Format { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Description { get; init; }
    /// <summary>&lt;language&gt;, else the root's xml:lang.</summary>
    public string? Language { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<ParsedEntry> Entries { get; init; } = [];
    /// <summary>What was repaired or assumed, "Vietnamese / English", one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Entries seen beyond the cap and dropped.</summary>
    public int DroppedEntries { get; init; }
    /// <summary>Name of the encoding the bytes were decoded with.</summary>
    public string? Encoding { get; init; }
}

public sealed record ParsedEntry
{
    public string Id { get; init; } = "";
    /// <summary>Plain text: tags stripped, entities decoded.</summary>
    public string? Title { get; init; }
    public string? Link { get; init; }
    /// <summary>Sanitised HTML.</summary>
    public string? Summary { get; init; }
    /// <summary>Sanitised HTML.</summary>
    public string? Content { get; init; }
    /// <summary>Plain text of Content, or of Summary when there is no content.</summary>
    public string? ContentText { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? Author { get; init; }
    /// <summary>Language of the entry (xml:lang), else of the feed.</summary>
    public string? Language { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>A feed whose entries are cleaned as they are read (<see cref="FeedParser.ParseStreaming"/>); read them once.</summary>
public sealed record StreamedFeed(FeedFormat Format, int EntryCount, IEnumerable<ParsedEntry> Entries);
