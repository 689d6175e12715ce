using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Publish;

/// <summary>
/// The editor takes plain text or HTML. Text typed without HTML blocks keeps its shape: a blank line starts a paragraph,
/// a line break stays a line break, lines starting with "- " or "* " (or "1. ") make a list, and web addresses become
/// links. Text with any HTML tag is taken as HTML and kept as written. Either way the sanitiser runs afterwards.
/// </summary>
public static partial class PostText
{
    public static string ToHtml(string typed)
    {
        if (BlockTag().IsMatch(typed))
        {
            return typed;
        }

        var html = new StringBuilder();
        var text = typed.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        foreach (var block in BlankLine().Split(text))
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            if (lines.All(l => Bullet().IsMatch(l)))
            {
                AppendList(html, "ul", lines.Select(l => Bullet().Replace(l, string.Empty)));
            }
            else if (lines.All(l => Numbered().IsMatch(l)))
            {
                AppendList(html, "ol", lines.Select(l => Numbered().Replace(l, string.Empty)));
            }
            else
            {
                html.Append("<p>").AppendJoin("<br>", lines.Select(Inline)).Append("</p>");
            }
        }

        return html.ToString();
    }

    private static void AppendList(StringBuilder html, string tag, IEnumerable<string> items)
    {
        html.Append('<').Append(tag).Append('>');
        foreach (var item in items)
        {
            html.Append("<li>").Append(Inline(item)).Append("</li>");
        }

        html.Append("</").Append(tag).Append('>');
    }

    /// <summary>The line as text (any markup in it is shown, not obeyed), with its web addresses made links.</summary>
    private static string Inline(string line)
        => WebAddress().Replace(WebUtility.HtmlEncode(line), m => $"<a href=\"{m.Value}\">{m.Value}</a>");

    /// <summary>Any tag: text with markup is HTML (so a body of only a script stays empty after the sanitiser).</summary>
    [GeneratedRegex(@"<\s*/?\s*[a-z!]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\n[ \t]*\n\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^[-*•]\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"https?://[^\s<>""]*[^\s<>"".,;:!?)]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WebAddress();
}
