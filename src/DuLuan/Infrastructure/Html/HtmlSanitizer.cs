using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xss = Ganss.Xss;

namespace DuLuan.Infrastructure.Html;

public sealed record SanitizedHtml(string Html, string Text);

/// <summary>
/// Allow-list HTML cleaning for feeds and posts, on the Ganss.Xss sanitiser with DuLuan's rules on top: unknown elements
/// are unwrapped (their text stays), dangerous ones are dropped with their content, attributes are allowed per element,
/// URLs go through <see cref="SafeUrl"/> (http, https and mailto for links only; relative ones made absolute), links get
/// rel="nofollow noopener noreferrer". No style, class or id survives, so nothing can hide or overlay the page around it.
/// Markup nested deeper than any real article is reduced to text before parsing.
/// </summary>
public sealed class HtmlSanitizer
{
    internal static readonly HashSet<string> DropWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "svg", "math",
        "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "button",
        "input", "option", "head", "title", "meta", "link", "base", "audio", "video", "canvas", "dialog", "portal",
    };

    private static readonly string[] Allowed =
    [
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark",
        "blockquote", "q", "cite", "code", "pre", "kbd", "samp", "var", "abbr", "ul", "ol", "li", "dl", "dt",
        "dd", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "table", "thead", "tbody",
        "tfoot", "tr", "th", "td", "caption", "hr", "div", "span", "time",
    ];

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

    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "width", "height", "colspan", "rowspan", "start" };

    private readonly HtmlParser parser = new();
    private readonly Xss.HtmlSanitizer sanitizer;
    private Uri? currentBase;

    public HtmlSanitizer()
    {
        sanitizer = new Xss.HtmlSanitizer(new Xss.HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Allowed, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes.Values.SelectMany(a => a), StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = true,
            AllowDataAttributes = false,
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropWithContent.Contains(e.Tag.LocalName) || e.Tag.NamespaceUri is { } ns && ns != NamespaceNames.HtmlUri)
            {
                e.Tag.Remove();
                e.Cancel = true;
            }
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = SafeUrl.Clean(e.OriginalUrl, currentBase, allowMailto: e.Tag.LocalName != "img");
        sanitizer.PostProcessDom += (_, e) => ApplyElementRules(e.Document.Body!);
    }

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

        var document = parser.ParseDocument("<!doctype html><html><body>" + html);
        var body = document.Body!;
        var text = HtmlText.Extract(body.ChildNodes);
        currentBase = baseUri;
        try
        {
            sanitizer.SanitizeDom(document, body, baseUri?.AbsoluteUri ?? "");
        }
        finally
        {
            currentBase = null;
        }

        return new SanitizedHtml(body.InnerHtml.Trim(), text);
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

        var body = parser.ParseDocument("<!doctype html><html><body>" + html).Body!;
        return HtmlText.CollapseLine(HtmlText.Extract(body.ChildNodes));
    }

    // Ganss.Xss allows attributes for every element; DuLuan allows each only where it belongs.
    private static void ApplyElementRules(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            var name = element.LocalName;
            var allowed = AllowedAttributes.GetValueOrDefault(name) ?? [];
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!allowed.Contains(attribute.Name, StringComparer.Ordinal)
                    || Numeric.Contains(attribute.Name) && !int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }

            if (name == "img" && element.GetAttribute("src") is null)
            {
                element.Remove();
            }
            else if (name == "a" && element.HasAttribute("href"))
            {
                element.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        }
    }
}
