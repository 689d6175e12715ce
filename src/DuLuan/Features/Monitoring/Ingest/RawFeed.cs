namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>One entry as read from the document, strings untouched; turned into a ParsedEntry at the end.</summary>
internal sealed class RawEntry
{
    public Uri? XmlBase { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? PermaLinkGuid { get; set; }
    public string? Summary { get; set; }
    public string? Content { get; set; }
    public string? ContentText { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Author { get; set; }
    /// <summary>xml:lang in scope at the entry, or on its content.</summary>
    public string? Language { get; set; }
    public List<string> Categories { get; } = [];
}

/// <summary>What a reader collected from one document, before cleaning.</summary>
internal sealed class RawFeed(int maxEntries)
{
    public FeedFormat Format { get; set; }
    public Uri? XmlBase { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    /// <summary>xml:lang of the root element.</summary>
    public string? XmlLang { get; set; }
    public string? Updated { get; set; }
    public List<RawEntry> Entries { get; } = [];
    public int Dropped { get; private set; }
    public bool RootClosed { get; set; }
    public bool TrailingJunk { get; set; }

    /// <summary>Entries read (kept or, in a counting pass, skipped), at most the limit.</summary>
    public int Taken { get; private set; }

    public bool HasRoom => Taken < maxEntries;

    public void Take() => Taken++;

    public void Drop() => Dropped++;
}
