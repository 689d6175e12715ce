using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>
/// An enrolled TOTP secret is never shown again; re-enrolment asks for the password and makes a new secret.
/// Recovery codes are shown once, stored only as hashes, work once, and are regenerated with the password.
/// </summary>
public sealed partial class RecoveryCodeTests
{
    [Theory, Providers]
    public async Task An_enrolled_secret_is_never_shown_again_and_re_enrolment_needs_the_password(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInOkAsync("admin@a.vn");
        var first = SharedKey().Match(await client.GetStringAsync("/Account/EnableAuthenticator")).Groups[1].Value;
        using (var enrolled = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = CodeNow(first) }))
        {
            Assert.True(enrolled.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        }

        var again = await client.GetStringAsync("/Account/EnableAuthenticator");
        Assert.DoesNotContain(first, again, StringComparison.Ordinal);
        Assert.DoesNotContain("shared-key", again, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/svg", again, StringComparison.Ordinal);

        using (var wrong = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Password"] = "khong phai mat khau" }, "/Account/EnableAuthenticator?handler=Reset"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.DoesNotContain("shared-key", html, StringComparison.Ordinal);
            Assert.Contains("không đúng", html, StringComparison.Ordinal);
        }

        Assert.Equal(first, await KeyAsync(app, admin.Id));
        using var reset = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Password"] = TestApp.Password }, "/Account/EnableAuthenticator?handler=Reset");
        var second = SharedKey().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual(string.Empty, second);
        Assert.NotEqual(first, second);
        Assert.Equal(first, await KeyAsync(app, admin.Id));
        using (var confirmed = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = CodeNow(second) }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Equal(10, RecoveryCode().Count(await confirmed.Content.ReadAsStringAsync()));
        }

        Assert.Equal(second, await KeyAsync(app, admin.Id));
        Assert.DoesNotContain(second, await client.GetStringAsync("/Account/EnableAuthenticator"), StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "admin@a.vn").Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.TwoFactorReset, audit);
        Assert.Equal(2, audit.Count(a => a == AuditActions.TwoFactorEnabled));
    }

    [Theory, Providers]
    public async Task Recovery_codes_are_shown_once_stored_hashed_work_once_and_are_regenerated_with_the_password(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInOkAsync("admin@a.vn");
        var key = SharedKey().Match(await client.GetStringAsync("/Account/EnableAuthenticator")).Groups[1].Value;
        using var enrolled = await client.PostFormAsync("/Account/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = RecoveryCode().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());

        // Shown once: no page shows them again, and nothing stored holds them in plain text.
        Assert.Empty(RecoveryCode().Matches(await client.GetStringAsync("/Account/EnableAuthenticator")));
        Assert.Empty(RecoveryCode().Matches(await client.GetStringAsync("/Account/Manage")));
        var stored = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"CodeHash\" AS \"Value\" FROM recovery_codes").ToListAsync());
        Assert.Equal(10, stored.Count);
        var tokens = await app.WithDbAsync(db => db.UserTokens.Select(t => t.Value ?? string.Empty).ToListAsync());
        foreach (var code in codes)
        {
            Assert.DoesNotContain(stored.Concat(tokens), s => s.Contains(code.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase) || s.Contains(code, StringComparison.OrdinalIgnoreCase));
        }

        using (var next = app.Client())
        {
            using (await next.SignInAsync("admin@a.vn"))
            {
            }

            Assert.Contains("/Account/LoginWithRecoveryCode", await next.GetStringAsync("/Account/LoginWith2fa"), StringComparison.Ordinal);
            using var used = await next.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Code"] = codes[0].ToLowerInvariant() });
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            using var inside = await next.GetAsync("/Audit");
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        }

        using (var replay = app.Client())
        {
            using (await replay.SignInAsync("admin@a.vn"))
            {
            }

            using var refused = await replay.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Code"] = codes[0] });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("không đúng", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var outside = await replay.GetAsync("/Audit");
            Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        }

        using (var wrongPassword = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["Current"] = "khong phai mat khau" }, "/Account/Manage?handler=RecoveryCodes"))
        {
            Assert.Empty(RecoveryCode().Matches(await wrongPassword.Content.ReadAsStringAsync()));
        }

        using var regenerated = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["Current"] = TestApp.Password }, "/Account/Manage?handler=RecoveryCodes");
        var fresh = RecoveryCode().Matches(await regenerated.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        using (var old = app.Client())
        {
            using (await old.SignInAsync("admin@a.vn"))
            {
            }

            using var refused = await old.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Code"] = codes[1] });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            using var accepted = await old.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Code"] = fresh[1] });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "admin@a.vn").Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audit.Count(a => a == AuditActions.RecoveryCodeUsed));
        Assert.Equal(2, audit.Count(a => a == AuditActions.RecoveryCodesIssued));
        Assert.Equal(10, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM recovery_codes").SingleAsync()));
    }

    private static string CodeNow(string base32) => Totp.Code(Totp.FromBase32(base32), Totp.StepAt(DateTimeOffset.UtcNow));

    private static Task<string?> KeyAsync(TestApp app, string memberId)
        => app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == memberId && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync());

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<code class=\"recovery-code\">([A-Z2-9]{5}-[A-Z2-9]{5})</code>")]
    private static partial Regex RecoveryCode();
}
