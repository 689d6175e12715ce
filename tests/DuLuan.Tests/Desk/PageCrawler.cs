using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Desk;

/// <summary>
/// Follows every same-origin link a signed-in member can reach from the staff home (GET only) and reports what a
/// Vietnamese reader should never meet: a link answering 404 or 5xx, a time in UTC or ISO form, an English framework
/// message, a raw action or enum code, a decimal point in a number.
/// </summary>
public sealed partial class PageCrawler(TestClient client, string who)
{
    /// <summary>Distinct query strings followed per path (drill-downs and pagers repeat one page many times).</summary>
    public const int QueriesPerPath = 3;

    public const int MaxRequests = 400;

    private static readonly ResourceManager Strings = new("DuLuan.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly Lazy<Regex> RawCodes = new(BuildRawCodes);

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> queriesOf = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public List<string> Visited { get; } = [];

    public async Task CrawlAsync(params string[] starts)
    {
        var queue = new Queue<(string Url, string From)>(starts.Select(s => (s, "start")));
        var parser = new HtmlParser();
        while (queue.Count > 0 && Visited.Count < MaxRequests)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url) || !Admit(url))
            {
                continue;
            }

            Visited.Add(url);
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status == 404 || status >= 500)
            {
                Problems.Add($"{who} {url} (linked from {from}): HTTP {status}");
                continue;
            }

            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                var next = Local(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, url);
                if (next is not null)
                {
                    queue.Enqueue((next, url));
                }

                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            Check(url, document);
            if (IsPublic(url))
            {
                continue;
            }

            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                if (Local(anchor.GetAttribute("href")!, url) is { } next && !seen.Contains(next))
                {
                    queue.Enqueue((next, url));
                }
            }

            // A filter form (GET) sent as it stands: its defaults must open too.
            foreach (var form in document.QuerySelectorAll("form").Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                if (Local(SubmitAsIs(form, url), url) is { } next && !seen.Contains(next))
                {
                    queue.Enqueue((next, url + " (form)"));
                }
            }
        }
    }

    /// <summary>The URL a GET form goes to when sent untouched: each named field with its shown value.</summary>
    private static string SubmitAsIs(IElement form, string current)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : current.Split('?')[0];
        var fields = new List<string>();
        foreach (var field in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = field.GetAttribute("name")!;
            var type = field.GetAttribute("type")?.ToLowerInvariant();
            string? value = field.LocalName switch
            {
                "select" => (field.QuerySelector("option[selected]") ?? field.QuerySelector("option"))?.GetAttribute("value") ?? string.Empty,
                "textarea" => field.TextContent,
                _ when type is "checkbox" or "radio" => field.HasAttribute("checked") ? field.GetAttribute("value") ?? "on" : null,
                _ when type is "submit" or "button" or "file" => null,
                _ => field.GetAttribute("value") ?? string.Empty,
            };
            if (value is not null)
            {
                fields.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
            }
        }

        return fields.Count == 0 ? action : action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', fields);
    }

    /// <summary>The text a reader sees: no scripts, styles, code samples or typed values.</summary>
    public static string VisibleText(IDocument document)
    {
        // Content marked as English (a guide's English summary) is English on purpose.
        foreach (var hidden in document.QuerySelectorAll("script, style, code, pre, textarea, template, noscript, body [lang=en]").ToList())
        {
            hidden.Remove();
        }

        // A reader sees table cells and list items apart: "1.694" in one cell and "51%" in the next are not "1.69451%".
        foreach (var cell in document.QuerySelectorAll("td, th, li, option").ToList())
        {
            cell.AppendChild(document.CreateTextNode(" "));
        }

        // What a reader also meets: placeholders, tooltips, image texts, labels read aloud and the words on buttons.
        var attributes = document.QuerySelectorAll("[placeholder], [title], img[alt], [aria-label], input[type=submit][value], input[type=button][value]")
            .SelectMany(e => new[] { "placeholder", "title", "alt", "aria-label" }.Select(e.GetAttribute).Append(e.GetAttribute("type") is "submit" or "button" ? e.GetAttribute("value") : null))
            .Where(v => !string.IsNullOrWhiteSpace(v));
        return WhiteSpace().Replace($"{document.Title} {document.Body?.TextContent} {string.Join(" · ", attributes)}", " ");
    }

    /// <summary>What a Vietnamese page must not show, each with a short reason; empty when the text is clean.</summary>
    public static IEnumerable<string> Findings(string text)
    {
        foreach (var (pattern, reason) in new (Regex Pattern, string Reason)[]
        {
            (Utc(), "time in UTC"),
            (IsoTime(), "ISO timestamp"),
            (IsoDate(), "ISO date"),
            (FrameworkMessage(), "English framework message"),
            (DecimalPoint(), "decimal point in a number"),
            (LeadingZeroDecimal(), "decimal point in a number"),
            (Raking(), "\"Raking\""),
            (RawCodes.Value, "raw action or enum code"),
        })
        {
            foreach (Match match in pattern.Matches(text))
            {
                var start = Math.Max(0, match.Index - 40);
                yield return $"{reason}: \"{match.Value}\" in \"…{text[start..Math.Min(text.Length, start + match.Length + 80)]}…\"";
            }
        }
    }

    private void Check(string url, IDocument document)
    {
        foreach (var finding in Findings(VisibleText(document)).Distinct().Take(5))
        {
            Problems.Add($"{who} {url}: {finding}");
        }
    }

    private bool Admit(string url)
    {
        var path = url.Split('?')[0];
        if (!url.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var count = queriesOf.GetValueOrDefault(path);
        queriesOf[path] = count + 1;
        return count < QueriesPerPath;
    }

    private static bool IsPublic(string url) => !url.StartsWith('/')
        || url.StartsWith("/cong/", StringComparison.Ordinal) || url.StartsWith("/khao-sat", StringComparison.Ordinal)
        || url.StartsWith("/phan-anh", StringComparison.Ordinal) || url.StartsWith("/theo-doi", StringComparison.Ordinal)
        || url.StartsWith("/open311", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same-origin path and query of a link, or null for another site, a fragment, a file the crawl skips, or signing out.</summary>
    private static string? Local(string href, string current)
    {
        href = href.Trim();
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("//", StringComparison.Ordinal) || (href.Contains(':', StringComparison.Ordinal) && !href.StartsWith('/') && !href.StartsWith('?')))
        {
            return null;
        }

        var absolute = new Uri(new Uri("http://crawl.invalid" + current), href);
        if (absolute.Host != "crawl.invalid")
        {
            return null;
        }

        var local = absolute.PathAndQuery;
        // A link that asks for another language (a public page's switcher, and every link after it) leaves the Vietnamese crawl.
        if (System.Web.HttpUtility.ParseQueryString(absolute.Query)["lang"] is { } language && language != "vi")
        {
            return null;
        }

        return local.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) || local.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || local.StartsWith("/lib/", StringComparison.Ordinal) || local.StartsWith("/css/", StringComparison.Ordinal) || local.StartsWith("/js/", StringComparison.Ordinal)
            ? null
            : local;
    }

    /// <summary>Enum names that are proper names or the formats' own names, the same in Vietnamese.</summary>
    private static readonly HashSet<string> ProperNames = new(StringComparer.Ordinal) { "Facebook", "Zalo", "Atom", "Rss1", "Rss2", "Open311", "Likert", "Url", "Ok" };

    /// <summary>
    /// Every recorded action name ("publish.post-created") and every name of the app's enums ("InReview",
    /// "AgencyLiaison", and English words such as "Portal" or "Scheduled"): shown on a Vietnamese page they are a code, not words.
    /// </summary>
    private static Regex BuildRawCodes()
    {
        var actions = Strings.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, true)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("Audit.Action.", StringComparison.Ordinal))
            .Select(k => k["Audit.Action.".Length..]);
        var enums = typeof(SharedResource).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("DuLuan.Features", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name))
            .Where(n => MultiWord().IsMatch(n) || (SingleWord().IsMatch(n) && !ProperNames.Contains(n)));
        var words = actions.Concat(enums).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).Select(Regex.Escape);
        return new Regex($@"(?<![\w.@/-])({string.Join('|', words)})(?![\w@-]|\.\w)", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$")]
    private static partial Regex MultiWord();

    [GeneratedRegex(@"^[A-Z][a-z0-9]{2,}$")]
    private static partial Regex SingleWord();

    [GeneratedRegex(@"\b(UTC|GMT)\b|[+-]00:00\b")]
    private static partial Regex Utc();

    /// <summary>A date written year first ("2026-12-06"): Vietnamese pages write dd/MM/yyyy.</summary>
    [GeneratedRegex(@"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")]
    private static partial Regex IsoDate();

    /// <summary>"0.125": with a leading zero three digits after a point are decimals, never thousands.</summary>
    [GeneratedRegex(@"(?<![\d.,])0\.\d{3}(?![\d.,])")]
    private static partial Regex LeadingZeroDecimal();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"The [\w ]+ field is (required|invalid)|The value '[^']*' is (not valid|invalid)|is not a valid|must be a number|The field [\w ]+ must|\b(is|are) required\.|An error occurred|An unhandled exception|Internal Server Error|Bad Request|Page not found|Access denied", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkMessage();

    /// <summary>"1.9", "0.5", "0.0001": a point followed by one, two or four and more digits (three are thousands: 1.234).</summary>
    [GeneratedRegex(@"(?<![\d.,])\d+\.(\d{1,2}|\d{4,})(?![\d.,])")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"\bRaking\b")]
    private static partial Regex Raking();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
