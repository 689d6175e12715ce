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

    public static void Keep(string? existing, string? value, Action<string> set)
    {
        if (string.IsNullOrWhiteSpace(existing) && !string.IsNullOrWhiteSpace(value))
        {
            set(value);
        }
    }
}
