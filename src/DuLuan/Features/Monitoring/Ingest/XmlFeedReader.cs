using System.Xml;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Streaming reader for RSS 0.9x/2.0, RSS 1.0/0.90 (RDF) and Atom 0.3/1.0 on XmlReader: no DOM,
/// one entry in memory at a time besides those kept. Element names are matched case-insensitively
/// by local name, so prefixes and casing mistakes in the wild do not matter.
/// </summary>
internal enum EntryMode
{
    /// <summary>Entries are counted and skipped unread.</summary>
    Count,
    /// <summary>Entries are returned one by one, never collected.</summary>
    Stream,
    /// <summary>Entries are returned and added to <see cref="RawFeed.Entries"/> as each starts.</summary>
    Collect,
}

internal static class XmlFeedReader
{
    /// <summary>Extension vocabularies whose local names (title, description, content, category)
    /// would otherwise be mistaken for the entry's own fields.</summary>
    private static readonly HashSet<string> ForeignNamespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "http://search.yahoo.com/mrss/",
        "http://search.yahoo.com/mrss",
        "http://www.itunes.com/dtds/podcast-1.0.dtd",
        "http://www.google.com/schemas/play-podcasts/1.0",
        "http://rssnamespace.org/feedburner/ext/1.0",
    };

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Reads into <paramref name="feed"/>; throws XmlException where the document breaks.</summary>
    public static void Read(TextReader text, RawFeed feed, Uri? feedUrl)
    {
        // Each entry joins feed.Entries as soon as it starts, as before streaming: a document that breaks inside an
        // entry keeps what was read of it (FeedParser compares the strict and the lenient readings by count).
        foreach (var _ in Entries(text, feed, feedUrl, EntryMode.Collect))
        {
        }
    }

    /// <summary>
    /// Reads lazily: the feed's own fields go into <paramref name="feed"/>, entries are returned one at a time as the
    /// document is read (<see cref="EntryMode.Stream"/>). With <see cref="EntryMode.Count"/> every entry is counted
    /// (<see cref="RawFeed.Taken"/>, <see cref="RawFeed.Dropped"/>) and skipped unread: a first pass that checks the
    /// whole document and learns its feed-level fields before a second pass streams the entries.
    /// Throws XmlException (from MoveNext) where the document breaks.
    /// </summary>
    public static IEnumerable<RawEntry> Entries(TextReader text, RawFeed feed, Uri? feedUrl, EntryMode mode)
    {
        using var r = XmlReader.Create(text, Settings());
        if (r.MoveToContent() != XmlNodeType.Element)
        {
            yield break;
        }
        feed.Format = Lower(r.LocalName) switch
        {
            "rss" => FeedFormat.Rss2,
            "rdf" => FeedFormat.Rss1,
            "feed" => FeedFormat.Atom,
            "channel" => FeedFormat.Rss2,
            _ => FeedFormat.Unknown,
        };
        if (feed.Format == FeedFormat.Unknown)
        {
            yield break;
        }
        feed.XmlBase = XmlContent.Base(r, null, feedUrl);
        feed.XmlLang = NullIfEmpty(r.XmlLang);
        foreach (var entry in ReadContainer(r, feed, feed.XmlBase, feedUrl, mode, consumeEnd: false))
        {
            yield return entry;
        }
        feed.RootClosed = true;
        try
        {
            while (r.Read())
            {
            }
        }
        catch (XmlException)
        {
            feed.TrailingJunk = true;
        }
    }

    /// <summary>The entries of <paramref name="entries"/> up to where the document breaks, without the exception.</summary>
    public static IEnumerable<RawEntry> UntilBroken(IEnumerable<RawEntry> entries)
    {
        using var e = entries.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (XmlException)
            {
                yield break;
            }
            yield return e.Current;
        }
    }

    /// <summary>Reads the children of the current element (rss, channel, RDF or feed) and consumes it.</summary>
    private static IEnumerable<RawEntry> ReadContainer(XmlReader r, RawFeed feed, Uri? xmlBase, Uri? feedUrl, EntryMode mode, bool consumeEnd = true)
    {
        if (r.IsEmptyElement)
        {
            if (consumeEnd)
            {
                r.Read();
            }
            yield break;
        }
        var depth = r.Depth;
        r.Read();
        while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.EOF)
            {
                throw new XmlException("Unexpected end of document.");
            }
            if (r.NodeType != XmlNodeType.Element)
            {
                r.Read();
                continue;
            }
            if (IsForeign(r))
            {
                r.Skip();
                continue;
            }
            var elementBase = XmlContent.Base(r, xmlBase, feedUrl);
            switch (Lower(r.LocalName))
            {
                case "channel":
                    foreach (var entry in ReadContainer(r, feed, elementBase, feedUrl, mode))
                    {
                        yield return entry;
                    }
                    break;
                case "item" or "entry":
                    if (ReadEntry(r, feed, elementBase, mode) is { } read)
                    {
                        yield return read;
                    }
                    break;
                case "title":
                    XmlContent.Keep(feed.Title, XmlContent.ReadTyped(r), v => feed.Title = v);
                    break;
                case "link":
                    XmlContent.Keep(feed.Link, XmlContent.ReadLink(r), v => feed.Link = v);
                    break;
                case "description" or "subtitle" or "tagline":
                    XmlContent.Keep(feed.Description, XmlContent.ReadTyped(r), v => feed.Description = v);
                    break;
                case "language":
                    XmlContent.Keep(feed.Language, XmlContent.ReadContent(r), v => feed.Language = v);
                    break;
                case "lastbuilddate" or "updated" or "modified" or "date" or "pubdate":
                    XmlContent.Keep(feed.Updated, XmlContent.ReadContent(r), v => feed.Updated = v);
                    break;
                default:
                    r.Skip();
                    break;
            }
        }
        if (consumeEnd)
        {
            r.Read();
        }
    }

    private static RawEntry? ReadEntry(XmlReader r, RawFeed feed, Uri? xmlBase, EntryMode mode)
    {
        if (!feed.HasRoom)
        {
            feed.Drop();
            r.Skip();
            return null;
        }
        feed.Take();
        if (mode == EntryMode.Count)
        {
            r.Skip();
            return null;
        }
        var e = new RawEntry
        {
            XmlBase = xmlBase,
            Id = r.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Language = NullIfEmpty(r.XmlLang),
        };
        if (mode == EntryMode.Collect)
        {
            feed.Entries.Add(e);
        }
        if (r.IsEmptyElement)
        {
            r.Read();
            return e;
        }
        var depth = r.Depth;
        r.Read();
        while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.EOF)
            {
                throw new XmlException("Unexpected end of document.");
            }
            if (r.NodeType != XmlNodeType.Element)
            {
                r.Read();
                continue;
            }
            if (IsForeign(r))
            {
                r.Skip();
                continue;
            }
            switch (Lower(r.LocalName))
            {
                case "title":
                    XmlContent.Keep(e.Title, XmlContent.ReadTyped(r), v => e.Title = v);
                    break;
                case "link":
                    XmlContent.Keep(e.Link, XmlContent.ReadLink(r), v => e.Link = v);
                    break;
                case "guid":
                    var permaLink = r.GetAttribute("isPermaLink");
                    var guid = XmlContent.ReadContent(r).Trim();
                    XmlContent.Keep(e.Id, guid, v => e.Id = v);
                    if (!string.Equals(permaLink, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        e.PermaLinkGuid ??= guid;
                    }
                    break;
                case "id" or "identifier":
                    XmlContent.Keep(e.Id, XmlContent.ReadContent(r).Trim(), v => e.Id = v);
                    break;
                case "description" or "summary" or "abstract":
                    XmlContent.Keep(e.Summary, XmlContent.ReadTyped(r), v => e.Summary = v);
                    break;
                // content:encoded, Atom content, RSS <body> / <xhtml:body> (inline XHTML) and <fullitem>.
                case "encoded" or "content" or "body" or "fullitem":
                    var contentLang = NullIfEmpty(r.XmlLang);
                    if (XmlContent.Keep(e.Content, XmlContent.ReadTyped(r), v => e.Content = v) && contentLang is not null)
                    {
                        e.Language = contentLang;
                    }
                    break;
                case "pubdate" or "published" or "issued" or "date" or "created":
                    XmlContent.Keep(e.Published, XmlContent.ReadContent(r), v => e.Published = v);
                    break;
                case "updated" or "modified" or "lastbuilddate":
                    XmlContent.Keep(e.Updated, XmlContent.ReadContent(r), v => e.Updated = v);
                    break;
                case "author" or "creator":
                    XmlContent.Keep(e.Author, XmlContent.ReadPerson(r), v => e.Author = v);
                    break;
                case "category" or "subject":
                    var term = r.GetAttribute("term") ?? r.GetAttribute("label");
                    var text = XmlContent.ReadContent(r);
                    if (!string.IsNullOrWhiteSpace(term ?? text) && e.Categories.Count < 100)
                    {
                        e.Categories.Add(term ?? text);
                    }
                    break;
                default:
                    r.Skip();
                    break;
            }
        }
        r.Read();
        return e;
    }

    private static bool IsForeign(XmlReader r) =>
        ForeignNamespaces.Contains(r.NamespaceURI) || r.Prefix is "media" or "itunes" or "googleplay" or "feedburner";

    private static string Lower(string name) => name.ToLowerInvariant();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
