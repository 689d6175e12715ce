using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Pages;

/// <summary>/Account/EnableAuthenticator and /Account/LoginWith2fa share the code form.</summary>
public sealed class TwoFactorPages(IPage page)
{
    public ILocator SharedKey => page.Locator("#shared-key");

    public ILocator Code => page.Locator("#code");

    public ILocator Error => page.Locator("main [role=alert]");

    public async Task<string> ReadSharedKeyAsync() => (await SharedKey.InnerTextAsync()).Trim();

    public async Task SubmitCodeAsync(string code)
    {
        await Code.FillAsync(code);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
