using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

using DuLuan.Infrastructure.Html;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Last resort for XML that XmlReader rejects even after the pre-pass (unclosed or crossed tags,
/// undeclared prefixes, truncated documents). The text goes through AngleSharp's HTML5 parser,
/// which never fails and closes what is left open as a browser would; every tag is first renamed
/// "x-name" so HTML's special rules (void &lt;link&gt;, &lt;image&gt; becoming &lt;img&gt;, tables)
/// do not apply. The tree is then written back as well-formed XML for the normal streaming reader.
/// Element and attribute names come back lower-case, which the reader accepts.
/// </summary>
internal static partial class LenientXmlRebuilder
{
    private const string Prefix = "x-";
    private static readonly HashSet<string> HtmlVoid = new(StringComparer.Ordinal)
    {
        "br", "hr", "img", "wbr", "source", "area", "col", "embed", "param", "track", "input", "meta",
    };

    public static string Rebuild(string xml)
    {
        var text = Comment().Replace(xml, "");
        text = ProcessingInstruction().Replace(text, "");
        text = CData().Replace(text, m => HtmlEscape.Escape(m.Groups[1].Value));
        text = StartTag().Replace(text, m =>
            "<" + Prefix + m.Groups[1].Value + m.Groups[2].Value + ">" + (m.Groups[3].Length > 0 ? "</" + Prefix + m.Groups[1].Value + ">" : ""));
        text = EndTag().Replace(text, m => "</" + Prefix + m.Groups[1].Value + ">");

        if (HtmlDepth.Estimate(text) > 4 * HtmlDepth.Limit)
        {
            return "";
        }
        var parser = new HtmlParser();
        var document = parser.ParseDocument(text);
        var body = document.Body;
        if (body is null)
        {
            return "";
        }
        var undeclared = UndeclaredPrefixes(body);
        var sb = new StringBuilder(xml.Length);
        var root = body.Children.FirstOrDefault(c => c.LocalName.StartsWith(Prefix, StringComparison.Ordinal));
        if (root is not null)
        {
            Write(root, sb, undeclared);
        }
        return sb.ToString();
    }

    /// <summary>Writes the element tree iteratively (hostile input can nest 100,000 deep).</summary>
    private static void Write(IElement root, StringBuilder sb, HashSet<string> undeclared)
    {
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        var first = true;
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText t)
            {
                sb.Append(Escape(t.Data));
                continue;
            }
            if (node is not IElement e)
            {
                continue;
            }
            var name = XmlName(e.LocalName);
            if (closing)
            {
                if (name is not null)
                {
                    sb.Append("</").Append(name).Append('>');
                }
                continue;
            }
            if (name is not null)
            {
                sb.Append('<').Append(name);
                foreach (var a in e.Attributes)
                {
                    if (IsXmlName(a.Name))
                    {
                        sb.Append(' ').Append(a.Name).Append("=\"").Append(Escape(a.Value)).Append('"');
                    }
                }
                if (first)
                {
                    foreach (var p in undeclared)
                    {
                        sb.Append(" xmlns:").Append(p).Append("=\"urn:duluan:undeclared:").Append(p).Append('"');
                    }
                    first = false;
                }
                if (e.ChildNodes.Length == 0 && HtmlVoid.Contains(name))
                {
                    sb.Append("/>");
                    continue;
                }
                sb.Append('>');
            }
            stack.Push((e, true));
            for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((e.ChildNodes[i], false));
            }
        }
    }

    private static string? XmlName(string localName)
    {
        if (!localName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var name = localName[Prefix.Length..];
        return IsXmlName(name) ? name : null;
    }

    private static bool IsXmlName(string name)
    {
        if (name.Length == 0 || name.Count(c => c == ':') > 1 || name.StartsWith(':') || name.EndsWith(':'))
        {
            return false;
        }
        try
        {
            XmlConvert.VerifyName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static HashSet<string> UndeclaredPrefixes(IElement body)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal) { "xml", "xmlns" };
        foreach (var e in body.QuerySelectorAll("*"))
        {
            AddPrefix(used, XmlName(e.LocalName));
            foreach (var a in e.Attributes)
            {
                if (a.Name.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    declared.Add(a.Name["xmlns:".Length..]);
                }
                else if (IsXmlName(a.Name))
                {
                    AddPrefix(used, a.Name);
                }
            }
        }
        used.ExceptWith(declared);
        used.RemoveWhere(p => !IsXmlName(p));
        return used;
    }

    private static void AddPrefix(HashSet<string> used, string? name)
    {
        var colon = name?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon > 0)
        {
            used.Add(name![..colon]);
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\?.*?\?>", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex ProcessingInstruction();

    [GeneratedRegex(@"<!\[CDATA\[(.*?)(?:\]\]>|$)", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex CData();

    [GeneratedRegex(@"<([A-Za-z_][^\s/>]*)((?:[^>""']|""[^""]*""|'[^']*')*?)(/?)>", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex StartTag();

    [GeneratedRegex(@"</([A-Za-z_][^\s>]*)\s*>", RegexOptions.NonBacktracking)]
    private static partial Regex EndTag();
}
