using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

using DuLuan.Infrastructure.Html;

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
            warnings.Add("Lỗi không mong đợi khi đọc feed: " + ex.GetType().Name, "Unexpected error while parsing: " + ex.GetType().Name);
            return new ParsedFeed { Warnings = warnings.ToList() };
        }
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
            warnings.Add("Lỗi không mong đợi khi đọc feed: " + ex.GetType().Name, "Unexpected error while parsing: " + ex.GetType().Name);
            return new ParsedFeed { Warnings = warnings.ToList() };
        }
    }

    private ParsedFeed ParseDecoded(string text, string encoding, Uri? feedUrl, FeedWarnings warnings)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            warnings.Add("Tài liệu rỗng", "Empty document");
            return new FeedEntryBuilder(_sanitizer, warnings).Build(new RawFeed(0), feedUrl, encoding);
        }
        var raw = trimmed.Length > 0 && trimmed[0] is '{' or '['
            ? ReadJson(text, warnings)
            : ReadXml(text, feedUrl, warnings);
        if (raw.Format == FeedFormat.Unknown)
        {
            warnings.Add("Không nhận ra định dạng feed (RSS, Atom hay JSON Feed)", "Not a recognised feed (RSS, Atom or JSON Feed)");
        }
        return new FeedEntryBuilder(_sanitizer, warnings).Build(raw, feedUrl, encoding);
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
            warnings.Add($"JSON hỏng ở dòng {ex.LineNumber + 1}; giữ {raw.Entries.Count} mục đã đọc",
                $"Broken JSON at line {ex.LineNumber + 1}; kept {raw.Entries.Count} entries read");
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
                warnings.Add("Bỏ phần rác sau thẻ gốc", "Ignored junk after the root element");
            }
            return strict;
        }
        catch (XmlException ex)
        {
            error = ex;
        }
        if (strict.RootClosed)
        {
            warnings.Add("Bỏ phần rác sau thẻ gốc", "Ignored junk after the root element");
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
            warnings.Add($"XML hỏng (dòng:cột {where}); đã đọc lại bằng bộ phân tích khoan dung",
                $"Malformed XML (line:column {where}); recovered with the lenient parser");
            return lenient;
        }
        warnings.Add($"XML hỏng (dòng:cột {where}); giữ {strict.Entries.Count} mục đọc được trước chỗ hỏng",
            $"Malformed XML (line:column {where}); kept {strict.Entries.Count} entries read before the break");
        return strict;
    }
}
