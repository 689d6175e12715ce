using System.Security.Cryptography;
using System.Text;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// The identity of an article: its canonical URL (scheme and host lower-cased, default port, fragment and
/// tracking parameters removed, remaining parameters sorted) or, without a usable link, the entry id.
/// </summary>
public static class ArticleKey
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "dclid", "zarsrc", "mc_", "_hs", "yclid", "igshid", "ref_src"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase) { "ref", "source", "cmpid", "zaloid", "share", "rss", "from" };

    public static string Of(string? link, string? entryId)
    {
        var canonical = Canonical(link);
        var basis = canonical is not null ? "url:" + canonical : "id:" + (entryId ?? "").Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    public static string? Canonical(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "/";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // http and https copies of one page are one article.
        return "//" + uri.IdnHost.ToLowerInvariant() + port + path + (kept.Count > 0 ? "?" + string.Join('&', kept) : "");
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
