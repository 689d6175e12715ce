using System.Text;
using System.Xml;

using DuLuan.Infrastructure.Html;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>Reads one element's value for XmlFeedReader; each method consumes the element.</summary>
internal static class XmlContent
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>
    /// Text of an element, consuming it. If it holds child elements (Atom xhtml, raw HTML pasted
    /// into a description), their markup is returned instead, text escaped, so it can be sanitised.
    /// </summary>
    public static string ReadContent(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return "";
        }
        var depth = r.Depth;
        var text = new StringBuilder();
        StringBuilder? markup = null;
        r.Read();
        while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.EOF)
            {
                throw new XmlException("Unexpected end of document.");
            }
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(r.Value);
                    r.Read();
                    break;
                case XmlNodeType.Element:
                    markup ??= new StringBuilder(HtmlEscape.Escape(text.ToString()));
                    markup.Append(r.ReadOuterXml());
                    continue;
                default:
                    r.Read();
                    break;
            }
            if (markup is not null && text.Length > 0)
            {
                markup.Append(HtmlEscape.Escape(text.ToString()));
                text.Clear();
            }
        }
        r.Read();
        return markup?.ToString() ?? text.ToString();
    }

    /// <summary>RSS &lt;link&gt;text&lt;/link&gt; or Atom &lt;link rel="alternate" href="..."/&gt;.</summary>
    public static string? ReadLink(XmlReader r)
    {
        var href = r.GetAttribute("href");
        var rel = r.GetAttribute("rel");
        var text = ReadContent(r).Trim();
        if (href is not null)
        {
            return rel is null || string.Equals(rel, "alternate", StringComparison.OrdinalIgnoreCase) ? href.Trim() : null;
        }
        return text.Length > 0 ? text : null;
    }

    /// <summary>Atom &lt;author&gt;&lt;name&gt;...&lt;/name&gt;&lt;/author&gt; or a plain string.</summary>
    public static string ReadPerson(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return "";
        }
        var depth = r.Depth;
        var text = new StringBuilder();
        string? name = null;
        r.Read();
        while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.EOF)
            {
                throw new XmlException("Unexpected end of document.");
            }
            if (r.NodeType == XmlNodeType.Element)
            {
                if (r.LocalName.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    name ??= ReadContent(r);
                }
                else
                {
                    r.Skip();
                }
                continue;
            }
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                text.Append(r.Value);
            }
            r.Read();
        }
        r.Read();
        return name ?? text.ToString();
    }

    public static Uri? Base(XmlReader r, Uri? parent, Uri? feedUrl)
    {
        var value = r.GetAttribute("base", XmlNamespace);
        if (string.IsNullOrWhiteSpace(value))
        {
            return parent;
        }
        return SafeUrl.ToAbsolute(value, parent ?? feedUrl) ?? parent;
    }

    /// <summary>Sets the value when there is none yet; true when it did.</summary>
    public static bool Keep(string? existing, string? value, Action<string> set)
    {
        if (string.IsNullOrWhiteSpace(existing) && !string.IsNullOrWhiteSpace(value))
        {
            set(value);
            return true;
        }
        return false;
    }

    /// <summary>
    /// A text construct read by its Atom attributes: base64 (Atom 0.3 mode="base64", or type="base64") decoded as UTF-8; plain text
    /// (type="text" or "text/plain") escaped so that "&lt;" written as text stays visible; binary media types
    /// (type="image/png") are not text and give nothing; anything else (html, xhtml, RSS) is markup to sanitise.
    /// </summary>
    public static string ReadTyped(XmlReader r)
    {
        var mode = r.GetAttribute("mode")?.Trim();
        var type = r.GetAttribute("type")?.Trim().ToLowerInvariant();
        var value = ReadContent(r);
        // Some feeds put the encoding in the type instead of the mode (type="base64"): the text is then HTML.
        if (string.Equals(mode, "base64", StringComparison.OrdinalIgnoreCase) || type == "base64")
        {
            value = DecodeBase64(value);
            type = type == "base64" ? null : type;
        }
        if (type is null)
        {
            return value;
        }
        if (type is "text" or "text/plain")
        {
            return HtmlEscape.Escape(value);
        }
        var binary = type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("xml", StringComparison.Ordinal) && !string.Equals(mode, "base64", StringComparison.OrdinalIgnoreCase);
        return binary ? "" : value;
    }

    private static string DecodeBase64(string value)
    {
        var compact = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }
        var buffer = new byte[compact.Length];
        return Convert.TryFromBase64String(compact.ToString(), buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : "";
    }
}
