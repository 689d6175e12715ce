using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Pages;

/// <summary>The header every page shares: navigation, sign-out and the language switch.</summary>
public sealed class Layout(IPage page)
{
    public ILocator Html => page.Locator("html");

    public ILocator Nav => page.Locator("header.top nav");

    public ILocator UnitsLink => Nav.Locator("a[href='/Units']");

    public ILocator SignOut => Nav.Locator("form[action='/Account/Logout'] button");

    public ILocator SwitchLanguage => page.Locator("#switch-language");

    public async Task SignOutAsync()
    {
        await SignOut.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task SwitchLanguageAsync()
    {
        await SwitchLanguage.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
