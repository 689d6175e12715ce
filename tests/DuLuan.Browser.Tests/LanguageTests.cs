using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

public sealed class LanguageTests(TestApp app)
{
    [Fact]
    public async Task Header_button_switches_from_Vietnamese_to_English_and_back_on_the_same_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAndWaitForHomeAsync(app.Seed.Viewer);
        await page.GotoAsync("/Units");
        var layout = new Layout(page);
        var heading = page.Locator("main h1");

        await Assertions.Expect(layout.Html).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(layout.UnitsLink).ToHaveTextAsync("\u0110\u01A1n v\u1ECB"); // "Đơn vị"
        await Assertions.Expect(heading).ToHaveTextAsync("C\u00E2y t\u1ED5 ch\u1EE9c"); // "Cây tổ chức"

        await layout.SwitchLanguageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Units$"));
        await Assertions.Expect(layout.Html).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(layout.UnitsLink).ToHaveTextAsync("Units");
        await Assertions.Expect(heading).ToHaveTextAsync("Organisation tree");

        // The choice is a cookie: it holds on the next page too.
        await page.GotoAsync("/");
        await Assertions.Expect(layout.Html).ToHaveAttributeAsync("lang", "en");

        await layout.SwitchLanguageAsync();
        await Assertions.Expect(layout.Html).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(layout.UnitsLink).ToHaveTextAsync("\u0110\u01A1n v\u1ECB");
    }
}
