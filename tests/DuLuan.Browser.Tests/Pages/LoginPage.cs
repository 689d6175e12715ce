using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.Locator("#email");

    public ILocator Password => page.Locator("#password");

    public ILocator Submit => page.Locator("main form button[type=submit]");

    public async Task GotoAsync() => await page.GotoAsync("/Account/Login");

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in a member without a second factor and waits for the home page.</summary>
    public async Task SignInAndWaitForHomeAsync(SeededMember member)
    {
        await GotoAsync();
        await SignInAsync(member.Email, member.Password);
        // Once in a few suite runs on a loaded machine the first sign-in stayed on this page (cause not found yet, see
        // the 2026-12-06 note): say what the page showed, then try once more before asserting.
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Home$"), new() { Timeout = 30000 });
        }
        catch (Exception e) when (e is System.TimeoutException or PlaywrightException)
        {
            await Console.Error.WriteLineAsync($"sign-in of {member.Email} stayed on {page.Url}: {await page.Locator("main").InnerTextAsync()}");
            await GotoAsync();
            await SignInAsync(member.Email, member.Password);
        }

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Home$"));
    }
}
