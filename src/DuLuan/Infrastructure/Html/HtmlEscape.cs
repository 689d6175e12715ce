using System.Text;

namespace DuLuan.Infrastructure.Html;

/// <summary>Escapes only what HTML and XML need (&amp; &lt; &gt; &quot;), leaving Vietnamese letters as they are.</summary>
internal static class HtmlEscape
{
    public static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return s;
        }
        var sb = new StringBuilder(s.Length + 16);
        Append(sb, s);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
