using System.Text.RegularExpressions;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Feed-specific preparation of an HTML value before the kernel sanitiser: feed HTML often comes from XML, where
/// "&lt;iframe src='…'/&gt;" is a complete element, but an HTML parser takes it for an opening tag and everything after it
/// for the iframe's content (then dropped with it). Self-closed non-void elements are therefore written open-and-closed,
/// and namespace prefixes of inline XHTML ("xhtml:p") are removed so the element is known for what it is.
/// </summary>
internal static partial class FeedHtml
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    };

    public static string Prepare(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        var unprefixed = html.Contains(':', StringComparison.Ordinal) ? Prefixed().Replace(html, "<$1$2") : html;
        return html.Contains("/>", StringComparison.Ordinal) ? SelfClosed().Replace(unprefixed, Expand) : unprefixed;
    }

    private static string Expand(Match m)
    {
        var name = m.Groups["name"].Value;
        return Void.Contains(name) ? m.Value : "<" + name + m.Groups["attributes"].Value + "></" + name + ">";
    }

    [GeneratedRegex(@"<(/?)[A-Za-z][\w.-]*:([A-Za-z][\w.-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"<(?<name>[A-Za-z][\w.-]*)(?<attributes>(?:\s[^<>]*?)?)\s*/>", RegexOptions.CultureInvariant)]
    private static partial Regex SelfClosed();
}
