using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Browser.Tests.PublicSite;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Desk;

/// <summary>
/// Every staff page an editor of the demo province reaches by following links from the home page, on a phone (390 px):
/// no link answers with an error, no page scrolls sideways, axe-core finds nothing serious. One address per kind of page
/// (the numbers of records ignored), files only fetched; the public pages have their own crawl.
/// </summary>
public sealed partial class StaffCrawlTests(TestApp app, DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly string[] PublicPrefixes = ["/cong/", "/vu-viec/", "/khao-sat/", "/phan-anh/"];

    [Fact]
    public async Task Every_page_an_editor_reaches_answers_fits_a_phone_and_passes_axe()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(site.Office);

        var problems = new List<string>();
        var queue = new Queue<string>(["/Home"]);
        var seen = new HashSet<string> { Template("/Home") };
        var pages = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var head = await context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            var type = head.Headers.GetValueOrDefault("content-type", string.Empty);
            if (head.Status >= 400)
            {
                problems.Add($"{path}: {head.Status}");
                continue;
            }

            if (head.Status >= 300 || !type.StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            pages++;
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                var wide = await page.EvaluateAsync<string>(
                    "() => { const w = document.documentElement.clientWidth, out = []; for (const e of document.querySelectorAll('main *')) { const r = e.getBoundingClientRect(); if (r.right > w + 1 && out.length < 4) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); } return out.join(' | '); }");
                problems.Add($"{path}: scrolls sideways by {overflow} px on a phone ({wide})");
            }

            foreach (var v in await Axe.RunAsync(page))
            {
                if (v.Serious)
                {
                    problems.Add($"{path}: axe {v}");
                }
            }

            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
            {
                if (Next(path, href) is { } next && seen.Add(Template(next)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{pages} staff pages opened on a phone");
        Assert.True(pages > 40, $"only {pages} staff pages were reached");
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    /// <summary>A staff address of the same site to open next, or null (other sites, the public pages, signing out).</summary>
    private static string? Next(string from, string? href)
    {
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal)
            || (href.StartsWith("http", StringComparison.Ordinal) && !href.Contains("127.0.0.1", StringComparison.Ordinal)))
        {
            return null;
        }

        var target = new Uri(new Uri("http://site" + from), href);
        var path = target.AbsolutePath;
        if (PublicPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || path == "/" || path.StartsWith("/Account/Logout", StringComparison.Ordinal)
            || target.Query.Contains("lang=", StringComparison.Ordinal) || path.StartsWith("/demo-feeds/", StringComparison.Ordinal))
        {
            return null;
        }

        return target.PathAndQuery;
    }

    /// <summary>The page's kind: the path with numbers replaced and the query's names without their values.</summary>
    private static string Template(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        var names = parts.Length == 2 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Where(n => n is not ("id" or "unit" or "unitId" or "period" or "key"))) : string.Empty;
        return Numbers().Replace(parts[0], "/{n}") + "?" + names;
    }

    [GeneratedRegex("/\\d+")]
    private static partial Regex Numbers();
}
