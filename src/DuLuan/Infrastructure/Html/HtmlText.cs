using System.Text;
using AngleSharp.Dom;

namespace DuLuan.Infrastructure.Html;

/// <summary>
/// Plain text from parsed HTML: block elements become line breaks, paragraphs a blank line,
/// runs of spaces one space; script, style and the like contribute nothing.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Paragraph = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure",
        "section", "article", "header", "footer", "aside", "address", "hr",
    };

    private static readonly HashSet<string> Line = new(StringComparer.Ordinal)
    {
        "br", "div", "li", "tr", "dt", "dd", "figcaption", "caption", "main", "nav", "details", "summary",
    };

    public static string Extract(IEnumerable<INode> nodes)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        foreach (var n in nodes.Reverse())
        {
            stack.Push((n, false));
        }
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText text)
            {
                AppendCollapsed(sb, text.Data);
                continue;
            }
            if (node is not IElement element || HtmlSanitizer.DropWithContent.Contains(element.LocalName))
            {
                continue;
            }
            var name = element.LocalName;
            var breakText = Paragraph.Contains(name) ? "\n\n" : Line.Contains(name) ? "\n" : name is "td" or "th" ? " " : null;
            if (closing)
            {
                Break(sb, breakText);
                continue;
            }
            Break(sb, breakText);
            stack.Push((node, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], false));
            }
        }
        return Tidy(sb);
    }

    public static string CollapseLine(string s)
    {
        var sb = new StringBuilder(s.Length);
        AppendCollapsed(sb, s);
        return sb.ToString().Trim();
    }

    private static void AppendCollapsed(StringBuilder sb, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void Break(StringBuilder sb, string? breakText)
    {
        if (breakText is null || sb.Length == 0)
        {
            return;
        }
        if (breakText == " ")
        {
            if (sb[^1] is not ' ' and not '\n')
            {
                sb.Append(' ');
            }
            return;
        }
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        var existing = 0;
        for (var i = sb.Length - 1; i >= 0 && sb[i] == '\n'; i--)
        {
            existing++;
        }
        for (var i = existing; i < breakText.Length; i++)
        {
            sb.Append('\n');
        }
    }

    private static string Tidy(StringBuilder sb)
    {
        var lines = sb.ToString().Split('\n').Select(l => l.Trim());
        return string.Join('\n', lines).Trim('\n', ' ');
    }
}
