using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// Every public page of the demo site, in one language (a class per language, so the two crawls run side by side),
/// opened on a phone with a cold cache: no broken link, no link into the staff side (but the footer's sign-in), nothing
/// left in Vietnamese on an English page outside content marked lang="vi", every rebuttal in the sitemap with its
/// ClaimReview, axe-core without a serious or critical finding, and under 200 KB transferred per page. The figures are
/// printed for docs/public-site.md.
/// </summary>
public abstract partial class PublicCrawlTests(TestApp app, DemoSite site, string language)
{
    private const long MaxPageBytes = 200 * 1024;

    /// <summary>Same-site addresses a public page may link to; anything else is the staff side.</summary>
    private static readonly string[] PublicPrefixes = ["/cong/", "/vu-viec/", "/khao-sat/", "/phan-anh/"];

    [Fact]
    public async Task Every_public_page_is_linked_translated_accessible_and_light()
    {
        var starts = await StartsAsync();
        var problems = new List<string>();
        var report = new List<string>();
        await CrawlAsync(language, starts, problems, report);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", report));
        Console.WriteLine(string.Join("\n", report));
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(200)));
    }

    /// <summary>The home, a search, the site's sitemap index and every address in the demo province's sitemap.</summary>
    private async Task<List<string>> StartsAsync()
    {
        using var http = new HttpClient { BaseAddress = site.BaseUrl };
        using var index = await http.GetAsync("/sitemap.xml");
        Assert.Equal(System.Net.HttpStatusCode.OK, index.StatusCode);
        var sitemaps = XDocument.Parse(await index.Content.ReadAsStringAsync()).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains(sitemaps, loc => loc.EndsWith($"/cong/{DemoSite.DaNangCode}/sitemap.xml", StringComparison.Ordinal));
        var robots = await http.GetStringAsync("/robots.txt");
        Assert.Contains("/sitemap.xml", robots, StringComparison.Ordinal);

        var sitemap = XDocument.Parse(await http.GetStringAsync($"/cong/{DemoSite.DaNangCode}/sitemap.xml"));
        var paths = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery).ToList();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var path = await db.Units.Where(u => u.Code == DemoSite.DaNangCode).Select(u => u.Path).SingleAsync();
            var rebuttals = await db.Claims.Where(c => c.PublishedAt != null && c.Verdict != null && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(path)))
                .Select(c => c.Id).ToListAsync();
            Assert.NotEmpty(rebuttals);
            foreach (var id in rebuttals)
            {
                Assert.Contains($"/cong/{DemoSite.DaNangCode}/kiem-chung/{id}", paths);
            }
        }

        return ["/", "/?q=hoa+khanh", $"/cong/{DemoSite.HoaKhanhCode}", .. paths];
    }

    private async Task CrawlAsync(string language, List<string> starts, List<string> problems, List<string> report)
    {
        var english = language == "en";
        await using var context = await site.NewPhoneAsync(app.Browser, new BrowserNewContextOptions { Locale = english ? "en-US" : "vi-VN" });
        var watch = await PageWatch.AttachAsync(context);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        // A cold cache on every page: what a phone opening it for the first time downloads.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => { lock (finished) { finished.Add(request); } };

        var queue = new Queue<string>(starts.Select(s => english ? WithEnglish(s) : s));
        var seen = new HashSet<string>(queue.Select(Key));
        var axeDone = new HashSet<string>();
        var axeCounts = new Dictionary<string, int>();
        var weights = new List<(string Path, long Bytes)>();
        var pages = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            if (IsFile(path))
            {
                var file = await context.APIRequest.GetAsync(path);
                if (file.Status != 200)
                {
                    problems.Add($"{language} {path}: {file.Status}");
                }

                continue;
            }

            lock (finished)
            {
                finished.Clear();
            }

            // The load event and the fonts: every byte of the page is in (waiting for network idle would add half a second a page).
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            pages++;
            if (response is null || response.Status != 200)
            {
                problems.Add($"{language} {path}: {response?.Status}");
                continue;
            }

            weights.Add((path, await TransferredAsync(finished)));
            await CheckPageAsync(page, path, language, problems);
            var template = Template(path);
            if (axeDone.Add(template))
            {
                foreach (var v in await Axe.RunAsync(page))
                {
                    axeCounts[v.Impact] = axeCounts.GetValueOrDefault(v.Impact) + 1;
                    if (v.Serious)
                    {
                        problems.Add($"{language} {path}: axe {v}");
                    }
                }
            }

            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
            {
                if (Link(path, href, language, problems) is { } next && seen.Add(Key(next)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        problems.AddRange(watch.Problems.Select(p => $"{language}: {p}"));
        var heaviest = weights.OrderByDescending(w => w.Bytes).First();
        problems.AddRange(weights.Where(w => w.Bytes >= MaxPageBytes).Select(w => $"{language} {w.Path}: {w.Bytes / 1024.0:F1} KB transferred"));
        report.Add($"{language}: {pages} pages, {axeDone.Count} templates checked by axe ({string.Join(", ", axeCounts.Select(c => $"{c.Key} {c.Value}"))}); heaviest {heaviest.Path} {heaviest.Bytes / 1024.0:F1} KB");
        foreach (var group in weights.GroupBy(w => Template(w.Path)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.Add($"  {group.Key}: {group.Count()} pages, max {group.Max(w => w.Bytes) / 1024.0:F1} KB");
        }
    }

    /// <summary>What a page must be whichever it is: public layout only, in its language, rebuttals with their ClaimReview.</summary>
    private static async Task CheckPageAsync(IPage page, string path, string language, List<string> problems)
    {
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            problems.Add($"{language} {path}: <html lang> is not {language}");
        }

        if (await page.Locator("header.top, a.brand").CountAsync() > 0)
        {
            problems.Add($"{language} {path}: shows the staff bar");
        }

        if (await page.Locator("#switch-language, nav.languages").CountAsync() != 1)
        {
            problems.Add($"{language} {path}: not exactly one language switcher");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            problems.Add($"{language} {path}: scrolls sideways by {overflow} px on a phone");
        }

        if (language == "en")
        {
            // Text the office or a resident wrote is Vietnamese and marked lang="vi"; everything else must be English.
            var left = await page.EvaluateAsync<string[]>("""
                () => {
                  const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
                  const found = [];
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const e = n.parentElement;
                    if (!e || e.closest('script, style, noscript, [hidden]') || !vietnamese.test(n.textContent)) { continue; }
                    if (e.closest('[lang]')?.getAttribute('lang') === 'vi') { continue; }
                    if (e.getClientRects().length === 0) { continue; }
                    found.push(n.textContent.trim().slice(0, 80));
                  }
                  for (const e of document.body.querySelectorAll('[placeholder], [aria-label], img[alt], [title]')) {
                    for (const name of ['placeholder', 'aria-label', 'alt', 'title']) {
                      const v = e.getAttribute(name);
                      if (v && vietnamese.test(v) && e.closest('[lang]')?.getAttribute('lang') !== 'vi') { found.push(name + '=' + v.slice(0, 80)); }
                    }
                  }
                  return found;
                }
                """);
            problems.AddRange(left.Distinct().Select(t => $"en {path}: untranslated \"{t}\""));
        }

        if (RebuttalPage().IsMatch(path))
        {
            var blocks = await page.Locator("script[type='application/ld+json']").AllTextContentsAsync();
            var review = blocks.Count == 1 ? JsonDocument.Parse(blocks[0]).RootElement : default;
            if (blocks.Count != 1 || review.GetProperty("@type").GetString() != "ClaimReview" || !review.TryGetProperty("reviewRating", out _)
                || string.IsNullOrWhiteSpace(review.GetProperty("claimReviewed").GetString()))
            {
                problems.Add($"{language} {path}: no single ClaimReview with a claim and a rating");
            }
        }
    }

    /// <summary>The next public address to open from a link, or null; a link into the staff side is a problem.</summary>
    private static string? Link(string from, string? href, string language, List<string> problems)
    {
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("http://", StringComparison.Ordinal) && !href.Contains("127.0.0.1", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
        {
            return null;
        }

        var target = new Uri(new Uri("http://site" + from), href);
        var path = target.PathAndQuery;
        if (target.AbsolutePath == "/Account/Login")
        {
            return null;
        }

        if (target.AbsolutePath != "/" && !PublicPrefixes.Any(p => target.AbsolutePath.StartsWith(p, StringComparison.Ordinal)))
        {
            problems.Add($"{language} {from}: links to the staff side {href}");
            return null;
        }

        if (language == "en" && !Regex.IsMatch(target.Query, "[?&]lang=(en|vi)") && !IsFile(path))
        {
            problems.Add($"{language} {from}: a link loses the language {href}");
        }

        return path;
    }

    private static bool IsFile(string path)
    {
        var bare = path.Split('?')[0];
        return bare.EndsWith(".xml", StringComparison.Ordinal) || bare.StartsWith("/cong/anh/", StringComparison.Ordinal) || bare.Contains("/tai-lieu/", StringComparison.Ordinal) || bare.EndsWith(".pdf", StringComparison.Ordinal)
            || bare.EndsWith(".mp3", StringComparison.Ordinal) || bare.EndsWith(".m3u", StringComparison.Ordinal);
    }

    private static string WithEnglish(string path) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en";

    /// <summary>Pages are the same page whatever the language query says.</summary>
    private static string Key(string path) => Regex.Replace(path, "[?&]lang=(en|vi)", string.Empty);

    /// <summary>The page's kind: numbers and random references replaced, the query dropped but for a search.</summary>
    private static string Template(string path)
    {
        var bare = Key(path).Split('?')[0];
        bare = Regex.Replace(bare, "^/vu-viec/[a-z0-9]{12}$", "/vu-viec/{ref}");
        bare = Regex.Replace(bare, "/\\d+", "/{n}");
        return bare + (Key(path).Contains("?q=", StringComparison.Ordinal) ? "?q=" : string.Empty);
    }

    private static async Task<long> TransferredAsync(List<IRequest> finished)
    {
        IRequest[] requests;
        lock (finished)
        {
            requests = [.. finished];
        }

        long total = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return total;
    }

    [GeneratedRegex("^/cong/[^/]+/kiem-chung/\\d+")]
    private static partial Regex RebuttalPage();
}

public sealed class PublicCrawlVietnameseTests(TestApp app, DemoSite site) : PublicCrawlTests(app, site, "vi"), IClassFixture<DemoSite>;

public sealed class PublicCrawlEnglishTests(TestApp app, DemoSite site) : PublicCrawlTests(app, site, "en"), IClassFixture<DemoSite>;
