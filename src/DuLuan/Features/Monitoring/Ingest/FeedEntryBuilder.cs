using System.Security.Cryptography;
using System.Text;

using DuLuan.Infrastructure.Html;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Turns what a reader collected into the clean model: plain-text titles, sanitised HTML,
/// absolute safe links, parsed dates, a stable id. Relative links resolve against xml:base,
/// then the feed's own link, then the URL the feed was fetched from.
/// </summary>
internal sealed class FeedEntryBuilder(HtmlSanitizer sanitizer, FeedWarnings warnings)
{
    public ParsedFeed Build(RawFeed raw, Uri? feedUrl, string encoding)
    {
        var feedLink = SafeUrl.ToAbsolute(raw.Link, raw.XmlBase ?? feedUrl);
        var language = Plain(raw.Language) ?? Plain(raw.XmlLang);
        var entries = Entries(raw, feedUrl).ToList();
        if (raw.Dropped > 0)
        {
            warnings.Add(new Message("Monitoring.Warn.TooLong", entries.Count, raw.Dropped));
        }
        return new ParsedFeed
        {
            Format = raw.Format,
            Title = Plain(raw.Title),
            Link = feedLink?.AbsoluteUri,
            Description = Plain(raw.Description),
            Language = language,
            Updated = FeedDateParser.Parse(raw.Updated, warnings),
            Entries = entries,
            DroppedEntries = raw.Dropped,
            Encoding = encoding,
            Warnings = warnings.ToList(),
        };
    }

    /// <summary>
    /// Cleans the entries one at a time as they are read, letting go of each raw entry once cleaned, so a consumer that
    /// stores them in batches holds one batch, not the whole document twice over.
    /// </summary>
    public IEnumerable<ParsedEntry> Entries(RawFeed raw, Uri? feedUrl) => Entries(raw, LetGo(raw.Entries), feedUrl);

    /// <summary>Cleans <paramref name="entries"/> (read lazily from the document) with the feed-level fields of <paramref name="raw"/>.</summary>
    public IEnumerable<ParsedEntry> Entries(RawFeed raw, IEnumerable<RawEntry> entries, Uri? feedUrl)
    {
        var fallbackBase = SafeUrl.ToAbsolute(raw.Link, raw.XmlBase ?? feedUrl) ?? feedUrl;
        var language = Plain(raw.Language) ?? Plain(raw.XmlLang);
        foreach (var e in entries)
        {
            yield return BuildEntry(e, e.XmlBase ?? fallbackBase) with { Language = Plain(e.Language) ?? language };
        }
    }

    private static IEnumerable<RawEntry> LetGo(List<RawEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            entries[i] = null!;
            yield return e;
        }
    }

    private ParsedEntry BuildEntry(RawEntry e, Uri? baseUri)
    {
        var link = CleanLink(e.Link, baseUri) ?? CleanLink(e.PermaLinkGuid, baseUri);
        var summary = e.Summary is null ? null : sanitizer.Sanitize(FeedHtml.Prepare(e.Summary), baseUri);
        var content = e.Content is null ? null : sanitizer.Sanitize(FeedHtml.Prepare(e.Content), baseUri);
        string? contentText = e.ContentText is not null ? HtmlText.CollapseLine(e.ContentText) : null;
        if (string.IsNullOrEmpty(contentText))
        {
            contentText = content is { Text.Length: > 0 } ? content.Text : summary?.Text;
        }
        var title = Plain(e.Title);
        var published = FeedDateParser.Parse(e.Published, warnings);
        var updated = FeedDateParser.Parse(e.Updated, warnings);
        var id = e.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            id = link ?? SyntheticId(title, e.Published, contentText);
        }
        return new ParsedEntry
        {
            Id = id,
            Title = title,
            Link = link,
            Summary = NullIfEmpty(summary?.Html),
            Content = NullIfEmpty(content?.Html),
            ContentText = NullIfEmpty(contentText),
            Published = published ?? updated,
            Updated = updated,
            Author = Plain(e.Author),
            Categories = e.Categories.Select(Plain).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private string? CleanLink(string? raw, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var cleaned = SafeUrl.Clean(raw, baseUri, allowMailto: false);
        if (cleaned is null)
        {
            warnings.Add(new Message("Monitoring.Warn.UnsafeLink"));
        }
        return cleaned;
    }

    private string? Plain(string? s) => NullIfEmpty(sanitizer.ToPlainText(s));

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string SyntheticId(string? title, string? date, string? text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + date + "\n" + text));
        return "urn:duluan:sha256:" + Convert.ToHexStringLower(bytes)[..32];
    }
}
