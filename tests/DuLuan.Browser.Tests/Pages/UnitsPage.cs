using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Pages;

public sealed class UnitsPage(IPage page)
{
    public ILocator Search => page.Locator("#q");

    public ILocator Results => page.Locator("#unit-results");

    public async Task GotoAsync() => await page.GotoAsync("/Units");

    /// <summary>Types key by key, as a person would, so the as-you-type script (not the form) answers.</summary>
    public async Task TypeSearchAsync(string text)
    {
        await Search.ClearAsync();
        await Search.PressSequentiallyAsync(text, new LocatorPressSequentiallyOptions { Delay = 20 });
    }

    public async Task<IResponse?> GotoDetailsAsync(long id) => await page.GotoAsync($"/Units/Details?id={id}");
}
