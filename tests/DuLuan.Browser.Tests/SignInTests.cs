using System.Text.RegularExpressions;
using DuLuan.Browser.Tests.Pages;
using DuLuan.Features.Account;
using Microsoft.Playwright;

namespace DuLuan.Browser.Tests;

public sealed class SignInTests(TestApp app)
{
    [Fact]
    public async Task Admin_enrols_an_authenticator_then_signs_in_with_a_fresh_code_and_a_replay_is_refused()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        var twoFactor = new TwoFactorPages(page);
        var layout = new Layout(page);

        // First sign-in: an Admin without a second factor may go nowhere but the enrolment page.
        await login.GotoAsync();
        await login.SignInAsync(app.Seed.Admin.Email, app.Seed.Admin.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/EnableAuthenticator$"));
        await page.GotoAsync("/Units");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/EnableAuthenticator$"));

        var key = Totp.FromBase32(await twoFactor.ReadSharedKeyAsync());
        var enrolStep = Totp.StepAt(DateTimeOffset.UtcNow);
        await twoFactor.SubmitCodeAsync(Totp.Code(key, enrolStep));
        // Enrolment ends by showing the recovery codes once; the member continues from there.
        await Assertions.Expect(page.Locator("#recovery-codes code.recovery-code")).ToHaveCountAsync(10);
        await page.Locator("#continue").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl.ToString()) + "Home$"));
        await Assertions.Expect(layout.UnitsLink).ToBeVisibleAsync();

        await layout.SignOutAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(layout.UnitsLink).ToHaveCountAsync(0);

        // Second sign-in: the password alone is no longer enough.
        await login.SignInAsync(app.Seed.Admin.Email, app.Seed.Admin.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));

        // The code already used at enrolment is refused, by design, even though it is still within its window.
        await twoFactor.SubmitCodeAsync(Totp.Code(key, enrolStep));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await Assertions.Expect(twoFactor.Error).ToContainTextAsync("M\u00E3 x\u00E1c th\u1EF1c kh\u00F4ng \u0111\u00FAng");

        // The next step's code is fresh; the server accepts one step of clock drift, so no waiting is needed.
        await twoFactor.SubmitCodeAsync(Totp.Code(key, enrolStep + 1));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl.ToString()) + "Home$"));
        await Assertions.Expect(layout.UnitsLink).ToBeVisibleAsync();
        await page.GotoAsync("/Audit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Audit$"));
    }

    [Fact]
    public async Task Wrong_password_keeps_the_member_on_the_sign_in_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(app.Seed.Viewer.Email, app.Seed.Viewer.Password + "x");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("main [role=alert]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(new Layout(page).UnitsLink).ToHaveCountAsync(0);
    }
}
