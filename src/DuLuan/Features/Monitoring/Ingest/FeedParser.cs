using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

using DuLuan.Infrastructure.Html;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

public sealed record FeedParserOptions
{
    /// <summary>Entries kept per document; the rest are counted and dropped with a warning.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Legacy Vietnamese detector (TCVN3, VNI) from the text core; see FeedTextDecoder.</summary>
    public Func<byte[], string?>? LegacyDecoder { get; init; } = LegacyVietnamese.Decode;
}

/// <summary>
/// Tolerant feed parser: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x. Never throws on input;
/// what it repaired or assumed is listed in ParsedFeed.Warnings. Not thread-safe: use one per
/// ingest worker (it holds an HTML parser).
/// </summary>
public sealed class FeedParser(FeedParserOptions? options = null)
{
    private readonly FeedParserOptions _options = options ?? new FeedParserOptions();
    private readonly HtmlSanitizer _sanitizer = new();

    /// <param name="bytes">The document as received (after HTTP decompression).</param>
    /// <param name="httpCharset">charset from the HTTP Content-Type, if any.</param>
    /// <param name="feedUrl">Where the document came from; last resort for relative links.</param>
    public ParsedFeed Parse(byte[] bytes, string? httpCharset = null, Uri? feedUrl = null)
    {
        var warnings = new FeedWarnings();
        try
        {
            var decoded = new FeedTextDecoder(_options.LegacyDecoder).Decode(bytes, httpCharset, warnings);
            return ParseDecoded(decoded.Text, decoded.EncodingName, feedUrl, warnings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            warnings.Add(new Message("Monitoring.Warn.Unexpected", ex.GetType().Name));
            return new ParsedFeed { Warnings = warnings.ToList() };
        }
    }

    /// <summary>
    /// For ingest: the same reading as <see cref="Parse"/>, but the entries are cleaned one by one as the caller reads
    /// them. A clean UTF-8 document (<see cref="CleanUtf8Document"/>) is read twice from its bytes: once to check it
    /// whole and count its entries (each skipped unread), then again as the caller reads, so memory holds about one
    /// batch of entries, never every raw entry of the document. Any other document is decoded and repaired as text and
    /// its raw entries are held (let go one by one as they are cleaned). Read the entries once.
    /// </summary>
    public StreamedFeed ParseStreaming(byte[] bytes, string? httpCharset = null, Uri? feedUrl = null)
    {
        var warnings = new FeedWarnings();
        var builder = new FeedEntryBuilder(_sanitizer, warnings);
        try
        {
            if (CleanUtf8Document.Accepts(bytes, httpCharset) && CountClean(bytes, feedUrl) is { } counted)
            {
                return new StreamedFeed(counted.Format, counted.Taken, builder.Entries(counted, StreamClean(bytes, feedUrl), feedUrl));
            }
            var raw = ReadDecoded(bytes, httpCharset, feedUrl, warnings);
            return new StreamedFeed(raw.Format, raw.Entries.Count, builder.Entries(raw, feedUrl));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new StreamedFeed(FeedFormat.Unknown, 0, []);
        }
    }

    /// <summary>
    /// The first pass over a clean UTF-8 document: the feed-level fields and the number of entries the text path would
    /// keep, entries skipped unread. Null when the strict reading fails or finds no feed; the text path then decides.
    /// </summary>
    private RawFeed? CountClean(byte[] bytes, Uri? feedUrl)
    {
        var raw = new RawFeed(_options.MaxEntries);
        try
        {
            using var text = CleanText(bytes);
            foreach (var _ in XmlFeedReader.Entries(text, raw, feedUrl, EntryMode.Count))
            {
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return raw.Format == FeedFormat.Unknown || raw.TrailingJunk ? null : raw;
    }

    /// <summary>The second pass: the same document's entries, read one at a time as the caller asks.</summary>
    private IEnumerable<RawEntry> StreamClean(byte[] bytes, Uri? feedUrl)
    {
        using var text = CleanText(bytes);
        // The first pass read the whole document without error, so the second should not stop early; if it does, the
        // entries read so far are kept, as the whole-document reading keeps them.
        foreach (var entry in XmlFeedReader.UntilBroken(XmlFeedReader.Entries(text, new RawFeed(_options.MaxEntries), feedUrl, EntryMode.Stream)))
        {
            yield return entry;
        }
    }

    private static StreamReader CleanText(byte[] bytes) =>
        new(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);

    private RawFeed ReadDecoded(byte[] bytes, string? httpCharset, Uri? feedUrl, FeedWarnings warnings)
    {
        var decoded = new FeedTextDecoder(_options.LegacyDecoder).Decode(bytes, httpCharset, warnings);
        return ReadRaw(decoded.Text, feedUrl, warnings);
    }

    public ParsedFeed ParseText(string text, Uri? feedUrl = null)
    {
        var warnings = new FeedWarnings();
        try
        {
            return ParseDecoded(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, "utf-16", feedUrl, warnings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            warnings.Add(new Message("Monitoring.Warn.Unexpected", ex.GetType().Name));
            return new ParsedFeed { Warnings = warnings.ToList() };
        }
    }

    private ParsedFeed ParseDecoded(string text, string encoding, Uri? feedUrl, FeedWarnings warnings) =>
        new FeedEntryBuilder(_sanitizer, warnings).Build(ReadRaw(text, feedUrl, warnings), feedUrl, encoding);

    private RawFeed ReadRaw(string text, Uri? feedUrl, FeedWarnings warnings)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            warnings.Add(new Message("Monitoring.Warn.Empty"));
            return new RawFeed(0);
        }
        var raw = trimmed.Length > 0 && trimmed[0] is '{' or '['
            ? ReadJson(text, warnings)
            : ReadXml(text, feedUrl, warnings);
        if (raw.Format == FeedFormat.Unknown)
        {
            warnings.Add(new Message("Monitoring.Warn.NotAFeed"));
        }
        return raw;
    }

    private RawFeed ReadJson(string text, FeedWarnings warnings)
    {
        var raw = new RawFeed(_options.MaxEntries);
        try
        {
            JsonFeedReader.Read(text, raw, warnings);
        }
        catch (JsonException ex)
        {
            warnings.Add(new Message("Monitoring.Warn.BrokenJson", ex.LineNumber + 1, raw.Entries.Count));
        }
        return raw;
    }

    private RawFeed ReadXml(string text, Uri? feedUrl, FeedWarnings warnings)
    {
        var repaired = XmlRepair.Repair(text, warnings);
        var strict = new RawFeed(_options.MaxEntries);
        XmlException? error;
        try
        {
            XmlFeedReader.Read(new StringReader(repaired), strict, feedUrl);
            if (strict.TrailingJunk)
            {
                warnings.Add(new Message("Monitoring.Warn.JunkAfterRoot"));
            }
            return strict;
        }
        catch (XmlException ex)
        {
            error = ex;
        }
        if (strict.RootClosed)
        {
            warnings.Add(new Message("Monitoring.Warn.JunkAfterRoot"));
            return strict;
        }
        var lenient = new RawFeed(_options.MaxEntries);
        try
        {
            XmlFeedReader.Read(new StringReader(LenientXmlRebuilder.Rebuild(repaired)), lenient, feedUrl);
        }
        catch (Exception ex) when (ex is XmlException or RegexMatchTimeoutException or InvalidOperationException)
        {
            // Keep whichever of the two readings saw more.
        }
        var where = $"{error.LineNumber}:{error.LinePosition}";
        if (lenient.Entries.Count + lenient.Dropped >= strict.Entries.Count + strict.Dropped && lenient.Format != FeedFormat.Unknown)
        {
            warnings.Add(new Message("Monitoring.Warn.XmlRecovered", where));
            return lenient;
        }
        warnings.Add(new Message("Monitoring.Warn.XmlKept", where, strict.Entries.Count));
        return strict;
    }
}
