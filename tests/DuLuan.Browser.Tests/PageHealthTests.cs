using DuLuan.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

/// <summary>What DevTools would show: no console errors, no CSP violations, the font loads, the phone layout holds.</summary>
public sealed class PageHealthTests(TestApp app)
{
    [Fact]
    public async Task Pages_have_no_console_errors_or_csp_violations_and_load_Be_Vietnam_Pro()
    {
        await using var context = await app.NewContextAsync();
        var watch = await PageWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/Account/Login");
        violations.AddRange(await PageWatch.CspViolationsAsync(page));
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        var units = new UnitsPage(page);
        await units.GotoAsync();
        await units.TypeSearchAsync("da nang");
        await Assertions.Expect(units.Results.Locator("a").First).ToBeVisibleAsync();
        // The lazy tree: expand the first root through the script and its fetch.
        var toggle = page.Locator("[data-unit-tree] button.toggle").First;
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-unit-tree] li ul li").First).ToBeVisibleAsync();
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        await units.GotoDetailsAsync(app.Seed.ProvinceId);
        await page.EvaluateAsync("() => document.fonts.ready");
        // FontFaceSet.check() is vacuously true when no face of the family exists, so look for a loaded face.
        var fontReady = await page.EvaluateAsync<bool>("() => [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Be Vietnam Pro' && f.status === 'loaded')");
        violations.AddRange(await PageWatch.CspViolationsAsync(page));

        Assert.True(violations.Count == 0, "CSP violations: " + string.Join("\n", violations));
        Assert.True(watch.Problems.Count == 0, "Problems: " + string.Join("\n", watch.Problems));
        Assert.True(fontReady, "No Be Vietnam Pro face was loaded.");
        var fontResponses = watch.Responses.Where(r => r.Url.Contains("/lib/be-vietnam-pro/", StringComparison.Ordinal)).ToList();
        Assert.Contains(fontResponses, r => r.Url.EndsWith(".woff2", StringComparison.Ordinal));
        Assert.All(fontResponses, r => Assert.Equal(200, r.Status));
        Assert.All(watch.Responses.Where(r => r.Url.StartsWith(app.BaseUrl.ToString(), StringComparison.Ordinal)), r => Assert.True(r.Status < 400, $"{r.Status} {r.Url}"));
    }

    [Fact]
    public async Task Phone_viewport_shows_the_whole_nav_without_horizontal_scroll()
    {
        await using var context = await app.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);

        foreach (var path in new[] { "/", "/Units", $"/Units/Details?id={app.Seed.ProvinceId}", "/Account/Manage" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.EvaluateAsync("() => document.fonts.ready");
            var layout = new Layout(page);
            foreach (var item in await layout.Nav.Locator("a, button").AllAsync())
            {
                // Geometry, not Playwright's viewport wait: the check is that the item fits the screen.
                var box = await item.BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390 && box.Y >= 0 && box.Y + box.Height <= 844,
                    $"{path}: nav item outside the 390x844 screen: {box?.X},{box?.Y} {box?.Width}x{box?.Height}");
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
                "() => { const w = document.documentElement.clientWidth, out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = walk.nextNode(); n && out.length < 6; n = walk.nextNode()) { const r = document.createRange(); r.selectNodeContents(n); if (r.getBoundingClientRect().right > w + 1) out.push(n.parentElement.tagName + ' ' + Math.round(r.getBoundingClientRect().right) + ' ' + n.textContent.trim().slice(0, 60)); } return out.join(' | '); }");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px on a phone: {wide}");
        }
    }
}
