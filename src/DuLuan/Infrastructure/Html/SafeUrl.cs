using System.Text;

namespace DuLuan.Infrastructure.Html;

/// <summary>
/// Decides whether a URL from a feed may be kept. Browsers drop tab/CR/LF anywhere in a URL and
/// C0 controls and spaces at its ends, so "jav&#x09;ascript:" is "javascript:": we normalise the
/// same way before reading the scheme. Only http, https and (for links) mailto survive; relative
/// URLs are made absolute against the base.
/// </summary>
public static class SafeUrl
{
    public static string? Clean(string? raw, Uri? baseUri, bool allowMailto = true)
    {
        if (raw is null)
        {
            return null;
        }
        var s = Normalise(raw);
        if (s.Length == 0)
        {
            return null;
        }
        if (Uri.TryCreate(s, UriKind.Absolute, out var absolute) && HasScheme(s))
        {
            return Allowed(absolute, allowMailto) ? absolute.AbsoluteUri : null;
        }
        if (HasScheme(s))
        {
            // Looks like "scheme:..." but .NET will not parse it: never guess, drop it.
            return null;
        }
        if (baseUri is not null && baseUri.IsAbsoluteUri && Uri.TryCreate(baseUri, s, out var resolved))
        {
            return Allowed(resolved, allowMailto) ? resolved.AbsoluteUri : null;
        }
        // Relative with nothing to resolve against: harmless without a scheme, but a reader
        // could not follow it either; keep only path-like forms.
        return s.StartsWith("//", StringComparison.Ordinal) ? null : s;
    }

    public static Uri? ToAbsolute(string? raw, Uri? baseUri)
    {
        var cleaned = Clean(raw, baseUri, allowMailto: false);
        return cleaned is not null && Uri.TryCreate(cleaned, UriKind.Absolute, out var u) ? u : null;
    }

    private static bool Allowed(Uri u, bool allowMailto) =>
        u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps || (allowMailto && u.Scheme == Uri.UriSchemeMailto);

    /// <summary>True when the text starts with "letters:" (a scheme) before any '/', '?' or '#'.</summary>
    private static bool HasScheme(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return i > 0;
            }
            if (c is '/' or '?' or '#')
            {
                return false;
            }
        }
        return false;
    }

    private static string Normalise(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c is '\t' or '\n' or '\r' || (char.IsControl(c) && c != ' ') || c is '\u200B' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString().Trim(' ', '\u00A0', '\u3000');
    }
}
