using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

public sealed partial class TwoFactorTests
{
    [Theory, Providers]
    public async Task An_admin_must_enrol_then_signs_in_with_a_code_that_cannot_be_replayed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInOkAsync("admin@a.vn");

        using (var blocked = await client.GetAsync("/Units"))
        {
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/Account/EnableAuthenticator", blocked.Headers.Location!.ToString());
        }

        using (var api = await client.GetAsync("/api/units/search?q=da"))
        {
            Assert.True(api.StatusCode == HttpStatusCode.Forbidden, $"{api.StatusCode} {api.Headers.Location}");
        }

        var page = await client.GetStringAsync("/Account/EnableAuthenticator");
        Assert.Contains("data:image/svg", page, StringComparison.Ordinal);
        var key = Totp.FromBase32(SharedKey().Match(page).Groups[1].Value);
        var step = Totp.StepAt(DateTimeOffset.UtcNow);

        using (var wrong = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = WrongCode(key, step) }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var enrolled = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = Totp.Code(key, step) }))
        {
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
            Assert.Contains("id=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using (var open = await client.GetAsync("/Units"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        using var next = app.Client();
        using (var password = await next.SignInAsync("admin@a.vn"))
        {
            Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var replay = await next.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, step) }))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Contains("đã được dùng", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var fresh = await next.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, step + 1) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }

        using (var inside = await next.GetAsync("/Audit"))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        using var third = app.Client();
        using (await third.SignInAsync("admin@a.vn"))
        {
        }

        using var replayAgain = await third.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, step + 1) });
        Assert.Equal(HttpStatusCode.OK, replayAgain.StatusCode);
    }

    [Theory, Providers]
    public async Task Opening_the_enrolment_page_keeps_the_members_other_sessions_signed_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var phone = app.Client();
        await phone.SignInOkAsync("editor@a.vn");
        using var office = app.Client();
        await office.SignInOkAsync("editor@a.vn");

        // Only looking at the page: the key it shows is made, but nothing about the member's sign-in changes yet.
        var first = SharedKey().Match(await office.GetStringAsync("/Account/EnableAuthenticator")).Groups[1].Value;
        Assert.NotEmpty(first);
        Assert.Equal(first, SharedKey().Match(await office.GetStringAsync("/Account/EnableAuthenticator")).Groups[1].Value);

        using var stillIn = await phone.GetAsync("/Units");
        Assert.True(stillIn.StatusCode == HttpStatusCode.OK, $"the phone's session ended: {stillIn.StatusCode} {stillIn.Headers.Location}");
        using var officeIn = await office.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.OK, officeIn.StatusCode);
    }

    [Fact]
    public void Totp_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s -> 94287082 (8 digits; we use the last 6).
        var key = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", Totp.Code(key, 59 / 30));
        Assert.Equal("081804", Totp.Code(key, 1111111109 / 30));
    }

    private static string WrongCode(byte[] key, long step)
    {
        var valid = new[] { Totp.Code(key, step - 1), Totp.Code(key, step), Totp.Code(key, step + 1) };
        return Enumerable.Range(0, 10).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7]+)</code>")]
    private static partial Regex SharedKey();
}
