using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

public sealed class UnitSearchTests(TestApp app)
{
    // The 2026 list spells it "Hoà" (old tone-mark placement), not "Hòa": U+00E0 on the a.
    private const string HoaKhanh = "Ph\u01B0\u1EDDng Ho\u00E0 Kh\u00E1nh";

    [Fact]
    public async Task Typing_without_diacritics_finds_the_commune_as_you_type()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        var units = new UnitsPage(page);
        await units.GotoAsync();
        await Assertions.Expect(units.Results).ToBeEmptyAsync();

        await units.TypeSearchAsync("hoa khanh");

        await Assertions.Expect(units.Results.GetByRole(AriaRole.Link, new() { Name = HoaKhanh, Exact = true })).ToBeVisibleAsync();
        // The script answered, not a form submission: the address has no query string.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Units$"));
    }

    [Fact]
    public async Task Upper_case_with_diacritics_finds_the_province()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        var units = new UnitsPage(page);
        await units.GotoAsync();

        await units.TypeSearchAsync("\u0110\u00C0 N\u1EB4NG"); // "ĐÀ NẴNG"

        var link = units.Results.GetByRole(AriaRole.Link, new() { Name = app.Seed.ProvinceName, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Units/Details\\?id={app.Seed.ProvinceId}$"));
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(app.Seed.ProvinceName);
    }

    [Fact]
    public async Task A_search_with_no_match_says_so()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        var units = new UnitsPage(page);
        await units.GotoAsync();

        await units.TypeSearchAsync("hoa khanh");
        await Assertions.Expect(units.Results.Locator("a")).Not.ToHaveCountAsync(0);
        await units.TypeSearchAsync("zzqx");
        await Assertions.Expect(units.Results.Locator("a")).ToHaveCountAsync(0);
        await Assertions.Expect(units.Results.Locator("p.empty")).ToBeVisibleAsync();
    }
}
