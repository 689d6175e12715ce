using System.Globalization;
using System.Text;
using AngleSharp.Html;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// A cheap pre-pass that fixes what most broken feeds get wrong before XmlReader sees them:
/// bare '&amp;', HTML named entities XML does not know (&amp;nbsp;), characters XML forbids,
/// junk before the first tag, and any DOCTYPE (removed: a DTD is never processed, so
/// billion-laughs and external entities cannot expand; their references become literal text).
/// CDATA sections and comments are copied untouched.
/// </summary>
public static class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    public static string Repair(string text, FeedWarnings warnings)
    {
        var sb = new StringBuilder(text.Length + 64);
        int ampersands = 0, htmlEntities = 0, badChars = 0;
        var i = 0;
        var firstTag = text.IndexOf('<', StringComparison.Ordinal);
        if (firstTag > 0 && text.AsSpan(0, firstTag).Trim().Length > 0)
        {
            warnings.Add(new Message("Monitoring.Warn.JunkBefore"));
        }
        i = Math.Max(firstTag, 0);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                if (Starts(text, i, "<![CDATA["))
                {
                    i = CopyUntil(text, i, "]]>", sb);
                    continue;
                }
                if (Starts(text, i, "<!--"))
                {
                    i = CopyUntil(text, i, "-->", sb);
                    continue;
                }
                if (string.Compare(text, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    i = SkipDoctype(text, i);
                    warnings.Add(new Message("Monitoring.Warn.Doctype"));
                    continue;
                }
                sb.Append(c);
                i++;
                continue;
            }
            if (c == '&')
            {
                i = FixAmpersand(text, i, sb, ref ampersands, ref htmlEntities);
                continue;
            }
            if (!IsXmlChar(text, i, out var width))
            {
                badChars++;
                i++;
                continue;
            }
            sb.Append(text, i, width);
            i += width;
        }
        if (ampersands > 0)
        {
            warnings.Add(new Message("Monitoring.Warn.BareAmpersand"));
        }
        if (htmlEntities > 0)
        {
            warnings.Add(new Message("Monitoring.Warn.HtmlEntities"));
        }
        if (badChars > 0)
        {
            warnings.Add(new Message("Monitoring.Warn.ControlChars"));
        }
        return sb.ToString();
    }

    private static int FixAmpersand(string text, int i, StringBuilder sb, ref int ampersands, ref int htmlEntities)
    {
        var end = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
        if (end > i + 1)
        {
            var name = text.AsSpan(i + 1, end - i - 1);
            if (name[0] == '#' && IsValidCharRef(name[1..]))
            {
                sb.Append(text, i, end - i + 1);
                return end + 1;
            }
            var nameString = name.ToString();
            if (XmlEntities.Contains(nameString))
            {
                sb.Append(text, i, end - i + 1);
                return end + 1;
            }
            if (IsName(name) && HtmlEntityProvider.Resolver.GetSymbol(nameString) is { Length: > 0 } symbol)
            {
                foreach (var rune in symbol.EnumerateRunes())
                {
                    sb.Append("&#x").Append(rune.Value.ToString("X", CultureInfo.InvariantCulture)).Append(';');
                }
                htmlEntities++;
                return end + 1;
            }
        }
        sb.Append("&amp;");
        ampersands++;
        return i + 1;
    }

    internal static bool IsValidCharRef(ReadOnlySpan<char> s)
    {
        var hex = s.Length > 1 && (s[0] == 'x' || s[0] == 'X');
        var digits = hex ? s[1..] : s;
        if (digits.Length is 0 or > 8 || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                CultureInfo.InvariantCulture, out var v))
        {
            return false;
        }
        return v is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static bool IsName(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return s.Length > 0 && char.IsAsciiLetter(s[0]);
    }

    private static bool IsXmlChar(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return true;
            }
            return false;
        }
        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static bool Starts(string text, int i, string token) =>
        string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    private static int CopyUntil(string text, int i, string terminator, StringBuilder sb)
    {
        var end = text.IndexOf(terminator, i, StringComparison.Ordinal);
        var stop = end < 0 ? text.Length : end + terminator.Length;
        sb.Append(text, i, stop - i);
        if (end < 0)
        {
            sb.Append(terminator);
        }
        return stop;
    }

    /// <summary>Skips &lt;!DOCTYPE ... [ internal subset ] &gt;, quotes and brackets respected.</summary>
    private static int SkipDoctype(string text, int i)
    {
        var inBrackets = false;
        char quote = '\0';
        for (var j = i + 2; j < text.Length; j++)
        {
            var c = text[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c == ']')
            {
                inBrackets = false;
            }
            else if (c == '>' && !inBrackets)
            {
                return j + 1;
            }
        }
        return text.Length;
    }
}
