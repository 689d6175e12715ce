using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>The monitoring dashboard, a story and search in Chromium, under the CSP, on the demo history.</summary>
public sealed class MonitoringTests(TestApp app)
{
    [Fact]
    public async Task Dashboard_draws_the_trend_chart_shows_the_alert_and_search_highlights_folded_words()
    {
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await new Pages.LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);

        await page.GotoAsync("/Monitoring");
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("tăng đột biến");
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("đang lan nhanh");
        // Chart.js sizes the canvas once it has drawn; a blocked script or a CSP refusal leaves it at 0.
        await page.WaitForFunctionAsync("() => { const c = document.getElementById('trend-chart'); return c && c.width > 0 && window.Chart && Chart.getChart(c) }");
        var series = await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('trend-chart')).data.datasets.length");
        Assert.True(series >= 2, $"{series} series drawn");
        var violations = new List<string>(await PageWatch.CspViolationsAsync(page));

        await page.Locator("#rising a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#story-versions li").First).ToBeVisibleAsync();

        await page.GotoAsync("/Monitoring/Search?q=" + Uri.EscapeDataString("ngap sau"));
        await Assertions.Expect(page.Locator("#results mark").First).ToBeVisibleAsync();
        var marked = await page.Locator("#results mark").First.TextContentAsync();
        Assert.Contains(marked!.ToLowerInvariant(), new[] { "ngập", "sâu" });
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        Assert.True(violations.Count == 0, "CSP violations: " + string.Join("\n", violations));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
    }
}
