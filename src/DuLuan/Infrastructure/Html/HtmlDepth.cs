namespace DuLuan.Infrastructure.Html;

/// <summary>
/// Estimates tag nesting in one linear scan. An HTML5 tree builder checks "element in scope" by
/// walking the open-element stack, so 50,000 nested tags cost minutes: hostile markup that nests
/// deeper than any real article is reduced to plain text instead of being parsed.
/// </summary>
internal static class HtmlDepth
{
    public const int Limit = 256;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "hr", "img", "wbr", "source", "area", "col", "embed", "param", "track", "input", "meta", "link", "base",
    };

    public static int Estimate(string html)
    {
        int depth = 0, max = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i < html.Length - 1)
        {
            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = i + 1;
                while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
                {
                    end++;
                }
                var close = html.IndexOf('>', end);
                var selfClosing = close > 0 && html[close - 1] == '/';
                if (!selfClosing && !Void.Contains(html[(i + 1)..end]))
                {
                    max = Math.Max(max, ++depth);
                }
            }
            i = html.IndexOf('<', i + 1);
        }
        return max;
    }

    /// <summary>Text of markup without a parser: tags removed, entities decoded.</summary>
    public static string StripTags(string html)
    {
        var sb = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                sb.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }
        return HtmlText.CollapseLine(System.Net.WebUtility.HtmlDecode(sb.ToString()));
    }
}
