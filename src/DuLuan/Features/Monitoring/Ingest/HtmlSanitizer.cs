using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DuLuan.Features.Monitoring.Ingest;

public sealed record SanitizedHtml(string Html, string Text);

/// <summary>
/// Allow-list HTML sanitiser on AngleSharp's HTML5 parser: the markup is parsed the way a browser
/// parses it, then rebuilt from scratch keeping only allowed elements and attributes. Unknown
/// elements are unwrapped (their text stays); dangerous ones are dropped with their content.
/// No style, class or id survives, so nothing can hide or overlay the page around it.
/// </summary>
public sealed class HtmlSanitizer
{
    private const int MaxDepth = 200;

    internal static readonly HashSet<string> DropWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "svg", "math",
        "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "button",
        "input", "option", "head", "title", "meta", "link", "base", "audio", "video", "canvas", "dialog", "portal",
    };

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark",
        "blockquote", "q", "cite", "code", "pre", "kbd", "samp", "var", "abbr", "ul", "ol", "li", "dl", "dt",
        "dd", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "caption", "hr", "div", "span", "time",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "img" };

    private static readonly Dictionary<string, string[]> AllowedAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "title"],
        ["img"] = ["src", "alt", "title", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan", "scope"],
        ["abbr"] = ["title"],
        ["blockquote"] = ["cite"],
        ["q"] = ["cite"],
        ["time"] = ["datetime"],
        ["ol"] = ["start"],
    };

    private readonly HtmlParser _parser = new();
    private readonly IElement _context;

    public HtmlSanitizer() => _context = _parser.ParseDocument(string.Empty).Body!;

    public SanitizedHtml Sanitize(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return new SanitizedHtml("", "");
        }
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            var plain = HtmlText.CollapseLine(html);
            return new SanitizedHtml(HtmlEscape.Escape(plain), plain);
        }
        if (HtmlDepth.Estimate(html) > HtmlDepth.Limit)
        {
            var flat = HtmlDepth.StripTags(html);
            return new SanitizedHtml("<p>" + HtmlEscape.Escape(flat) + "</p>", flat);
        }
        var nodes = _parser.ParseFragment(html, _context);
        var sb = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Write(node, sb, baseUri, 0);
        }
        return new SanitizedHtml(sb.ToString().Trim(), HtmlText.Extract(nodes));
    }

    /// <summary>Plain text of an HTML (or plain) string: tags stripped, entities decoded.</summary>
    public string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return HtmlText.CollapseLine(html);
        }
        if (HtmlDepth.Estimate(html) > HtmlDepth.Limit)
        {
            return HtmlDepth.StripTags(html);
        }
        return HtmlText.CollapseLine(HtmlText.Extract(_parser.ParseFragment(html, _context)));
    }

    private static void Write(INode node, StringBuilder sb, Uri? baseUri, int depth)
    {
        switch (node)
        {
            case IText text:
                HtmlEscape.Append(sb, text.Data);
                return;
            case IElement element:
                WriteElement(element, sb, baseUri, depth);
                return;
            default:
                return; // comments, processing instructions, doctypes
        }
    }

    private static void WriteElement(IElement element, StringBuilder sb, Uri? baseUri, int depth)
    {
        var name = element.LocalName;
        if (DropWithContent.Contains(name) || element.NamespaceUri is { } ns && ns != NamespaceNames.HtmlUri)
        {
            return;
        }
        if (depth >= MaxDepth)
        {
            HtmlEscape.Append(sb, HtmlText.Extract([element]));
            return;
        }
        var keep = Allowed.Contains(name);
        if (keep)
        {
            if (!WriteStartTag(element, name, sb, baseUri))
            {
                keep = false; // e.g. <img> with no safe src: drop the tag
            }
            if (Void.Contains(name))
            {
                return;
            }
        }
        foreach (var child in element.ChildNodes)
        {
            Write(child, sb, baseUri, depth + 1);
        }
        if (keep)
        {
            sb.Append("</").Append(name).Append('>');
        }
    }

    private static bool WriteStartTag(IElement element, string name, StringBuilder sb, Uri? baseUri)
    {
        var attrs = new List<(string Name, string Value)>();
        if (AllowedAttributes.TryGetValue(name, out var allowed))
        {
            foreach (var attrName in allowed)
            {
                var value = element.GetAttribute(attrName);
                if (value is null)
                {
                    continue;
                }
                if (attrName is "href" or "src" or "cite")
                {
                    value = SafeUrl.Clean(value, baseUri, allowMailto: attrName == "href");
                    if (value is null)
                    {
                        continue;
                    }
                }
                else if (attrName is "width" or "height" or "colspan" or "rowspan" or "start"
                    && !int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    continue;
                }
                attrs.Add((attrName, value));
            }
        }
        if (name == "img" && !attrs.Any(a => a.Name == "src"))
        {
            return false;
        }
        if (name == "img" && attrs.First(a => a.Name == "src").Value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        sb.Append('<').Append(name);
        foreach (var (attrName, value) in attrs)
        {
            sb.Append(' ').Append(attrName).Append("=\"");
            HtmlEscape.Append(sb, value);
            sb.Append('"');
        }
        if (name == "a" && attrs.Any(a => a.Name == "href"))
        {
            sb.Append(" rel=\"nofollow noopener noreferrer\"");
        }
        sb.Append('>');
        return true;
    }
}
