using System.Security.Cryptography;
using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Html;

namespace DuLuan.Features.Publish;

/// <summary>What a post's content may be, cleaned: NFC text, allow-list HTML, topics, a safe link and a re-encoded image.</summary>
public static class PostContent
{
    public const int MaxTitle = 300;
    public const int MaxBodyHtml = 60_000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;

    public sealed record Cleaned(string Title, string BodyHtml, string BodyText, string Tags, string? LinkUrl);

    public sealed record Problem(string Field, string Key, object[] Args);

    /// <summary>Cleans the input or names the field and the reason it is refused.</summary>
    public static (Cleaned? Content, Problem? Error) Clean(string? title, string? body, string? tags, string? linkUrl)
    {
        var cleanTitle = OneLine(title);
        if (cleanTitle.Length is < 5 or > MaxTitle)
        {
            return (null, new Problem("Title", "Publish.Error.TitleLength", [5, MaxTitle]));
        }

        var raw = Nfc.Of(body ?? string.Empty);
        if (raw.Length > MaxBodyHtml)
        {
            return (null, new Problem("Body", "Publish.Error.BodyLength", [MaxBodyHtml]));
        }

        var sanitized = new HtmlSanitizer().Sanitize(PostText.ToHtml(raw), null);
        if (sanitized.Text.Trim().Length < 10)
        {
            return (null, new Problem("Body", "Publish.Error.BodyEmpty", [10]));
        }

        var tagList = Nfc.Of(tags ?? string.Empty)
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(OneLine)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tagList.Count > MaxTags || tagList.Any(t => t.Length > MaxTagLength))
        {
            return (null, new Problem("Tags", "Publish.Error.Tags", [MaxTags, MaxTagLength]));
        }

        string? link = null;
        if (!string.IsNullOrWhiteSpace(linkUrl))
        {
            link = Uri.TryCreate(linkUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && linkUrl.Trim().Length <= 2000
                ? uri.AbsoluteUri
                : null;
            if (link is null)
            {
                return (null, new Problem("LinkUrl", "Publish.Error.Link", []));
            }
        }

        return (new Cleaned(cleanTitle, sanitized.Html, PlainText(sanitized.Html), string.Join(", ", tagList), link), null);
    }

    /// <summary>Paragraph-preserving plain text of sanitised HTML, for platforms that take text only.</summary>
    public static string PlainText(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument(string.Empty);
        var builder = new StringBuilder();
        foreach (var node in parser.ParseFragment(html, document.Body!))
        {
            AppendText(node, builder);
        }

        var lines = builder.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var text = string.Join('\n', lines).Trim();
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text;
    }

    private static void AppendText(AngleSharp.Dom.INode node, StringBuilder builder)
    {
        if (node is AngleSharp.Dom.IText text)
        {
            builder.Append(text.Data.Replace('\n', ' '));
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            AppendText(child, builder);
        }

        if (node is AngleSharp.Dom.IElement element)
        {
            switch (element.LocalName)
            {
                case "br" or "li" or "tr": builder.Append('\n'); break;
                case "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "ul" or "ol" or "table" or "pre" or "figure": builder.Append("\n\n"); break;
            }
        }
    }

    /// <summary>
    /// What an approval covers: the text, the link, the image and the channels it goes out on (an approver approves what
    /// goes where, so adding a Facebook page or a Zalo account after approval is a change). A post without channels hashes
    /// as before channels counted.
    /// </summary>
    public static string Hash(string title, string bodyHtml, string tags, string? linkUrl, string? imageSha, IEnumerable<long>? channelIds = null)
    {
        var joined = string.Join('\u001f', title, bodyHtml, tags, linkUrl ?? string.Empty, imageSha ?? string.Empty);
        var channels = (channelIds ?? []).Distinct().Order().ToList();
        if (channels.Count > 0)
        {
            joined += "\u001e" + string.Join(',', channels.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>JPEG or PNG only, recognised by their bytes, re-encoded so metadata is dropped; SVG and PDF are refused.</summary>
    public static (PostImage? Image, string? ErrorKey) Image(string? fileName, byte[] content)
    {
        var (file, error) = AttachmentFiles.Check(fileName, content);
        if (file is null)
        {
            return (null, error);
        }

        if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return (null, "Publish.Error.ImageType");
        }

        return (new PostImage { ContentType = file.ContentType, FileName = file.FileName, Content = file.Content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)) }, null);
    }

    private static string OneLine(string? text)
    {
        var normalized = Nfc.Of(text ?? string.Empty);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
