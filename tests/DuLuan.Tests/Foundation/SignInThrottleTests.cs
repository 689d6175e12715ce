using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

/// <summary>
/// Sign-in says the same for a known and an unknown e-mail, and throttles guessing per (account, client address):
/// a stranger elsewhere cannot lock the owner out; the back-off lifts with time, by an admin or by an e-mailed link.
/// Client addresses come from X-Forwarded-For, which the app trusts from loopback (the documented reverse proxy).
/// </summary>
public sealed partial class SignInThrottleTests
{
    [Theory, Providers]
    public async Task Unknown_and_existing_accounts_get_the_same_answers_and_the_same_throttle(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("victim@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = From(app, "203.0.113.7");

        for (var i = 0; i < 8; i++)
        {
            using var known = await client.SignInAsync("victim@a.vn", "sai mat khau " + i);
            using var unknown = await client.SignInAsync("ghost@a.vn", "sai mat khau " + i);
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            var knownMessage = Alert(await known.Content.ReadAsStringAsync());
            Assert.Equal(knownMessage, Alert(await unknown.Content.ReadAsStringAsync()));
            Assert.DoesNotContain("tạm bị khoá", knownMessage, StringComparison.Ordinal);
            Assert.Contains(i < 5 ? "không đúng" : "quá nhiều lần", knownMessage, StringComparison.Ordinal);
        }

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "victim@a.vn" || a.Target == "ghost@a.vn")
            .GroupBy(a => new { a.Target, a.Action }).Select(g => new { g.Key.Target, g.Key.Action, Count = g.Count() }).ToListAsync());
        Assert.Equal(
            actions.Where(a => a.Target == "victim@a.vn").Select(a => (a.Action, a.Count)).Order(),
            actions.Where(a => a.Target == "ghost@a.vn").Select(a => (a.Action, a.Count)).Order());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.LockoutEnd != null || u.AccessFailedCount > 0)));
    }

    [Theory, Providers]
    public async Task A_stranger_cannot_lock_the_owner_out_but_cannot_keep_guessing_either(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("victim@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var stranger = From(app, "203.0.113.7");
        for (var i = 0; i < 12; i++)
        {
            using (await stranger.SignInAsync("victim@a.vn", "doan mo " + i))
            {
            }
        }

        // Even the right password is refused from the stranger's address while it is backed off...
        using (var guessed = await stranger.SignInAsync("victim@a.vn"))
        {
            Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
            Assert.Contains("quá nhiều lần", Alert(await guessed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // ...while the owner, from their own address, signs in as usual.
        using var owner = From(app, "198.51.100.4");
        await owner.SignInOkAsync("victim@a.vn");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInThrottled && a.RemoteAddress == "203.0.113.7")));
    }

    [Theory, Providers]
    public async Task The_back_off_lifts_with_time_and_grows_with_further_failures(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        await app.AddMemberAsync("victim@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = From(app, "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            using (await client.SignInAsync("victim@a.vn", "sai " + i))
            {
            }
        }

        using (var blocked = await client.SignInAsync("victim@a.vn"))
        {
            Assert.Contains("quá nhiều lần", Alert(await blocked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        using (var wrongAgain = await client.SignInAsync("victim@a.vn", "van sai"))
        {
            Assert.Contains("không đúng", Alert(await wrongAgain.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The sixth failure doubled the wait: two minutes later it still holds, after that it lifts.
        clock.Advance(TimeSpan.FromMinutes(1));
        using (var stillBlocked = await client.SignInAsync("victim@a.vn"))
        {
            Assert.Contains("quá nhiều lần", Alert(await stillBlocked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await client.SignInOkAsync("victim@a.vn");
    }

    [Theory, Providers]
    public async Task An_admin_unlocks_the_account_and_it_is_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("victim@a1.vn", app.Tree.CommuneA1, Role.Editor);
        var admin = await app.AddMemberAsync("admin@48.vn", app.Tree.ProvinceA, Role.Admin);
        using var owner = From(app, "198.51.100.4");
        for (var i = 0; i < 5; i++)
        {
            using (await owner.SignInAsync("victim@a1.vn", "go nham " + i))
            {
            }
        }

        using var adminClient = app.Client();
        await adminClient.SignInAdminAsync(admin);
        var victimId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "victim@a1.vn").Select(u => u.Id).SingleAsync());
        using (var unlocked = await adminClient.PostFormAsync($"/Members/Details?id={victimId}", new Dictionary<string, string> { ["id"] = victimId }, $"/Members/Details?handler=Unlock&id={victimId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        await owner.SignInOkAsync("victim@a1.vn");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountUnlocked && a.Target == "victim@a1.vn" && a.ActorName == "admin@48.vn")));
    }

    [Theory, Providers]
    public async Task The_owner_unlocks_by_an_emailed_link_and_an_unknown_address_gets_the_same_answer(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:From"] = "khong-tra-loi@danang.gov.vn",
            ["Mail:UseStartTls"] = "false",
        });
        await app.AddMemberAsync("victim@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var owner = From(app, "198.51.100.4");
        for (var i = 0; i < 5; i++)
        {
            using (await owner.SignInAsync("victim@a.vn", "go nham " + i))
            {
            }
        }

        using var known = await owner.PostFormAsync("/Account/Unlock", new Dictionary<string, string> { ["Email"] = "victim@a.vn" });
        using var unknown = await owner.PostFormAsync("/Account/Unlock", new Dictionary<string, string> { ["Email"] = "ghost@a.vn" });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var knownPage = await known.Content.ReadAsStringAsync();
        Assert.Contains("id=\"unlock-sent\"", knownPage, StringComparison.Ordinal);
        Assert.Equal(Status(knownPage), Status(await unknown.Content.ReadAsStringAsync()));

        var mail = await WaitForMailAsync(smtp);
        Assert.Equal(["victim@a.vn"], mail.To);
        var link = UnlockLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        var path = new Uri(link.Value).PathAndQuery;
        using (var used = await owner.PostFormAsync(path, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
            Assert.Contains("id=\"unlocked\"", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await owner.SignInOkAsync("victim@a.vn");
        var again = await owner.GetStringAsync(path);
        Assert.Contains("không hợp lệ", again, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", again.Split("<main", 2)[^1], StringComparison.Ordinal);

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccountUnlocked && a.Target == "victim@a.vn" && a.Detail == "e-mail")));
        Assert.Single(smtp.Messages);
    }

    private static TestClient From(TestApp app, string address)
    {
        var client = app.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<ReceivedMail> WaitForMailAsync(SmtpTestServer smtp)
    {
        for (var i = 0; i < 100 && smtp.Messages.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        return Assert.Single(smtp.Messages);
    }

    private static string Alert(string html)
    {
        var match = AlertPattern().Match(html);
        Assert.True(match.Success, html[..Math.Min(html.Length, 3000)]);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Status(string html) => WebUtility.HtmlDecode(StatusPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("role=\"alert\"[^>]*><ul><li>([^<]+)</li>")]
    private static partial Regex AlertPattern();

    [GeneratedRegex("id=\"unlock-sent\"[^>]*>([^<]+)<")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"https?://\S+/Account/Unlock\?token=[A-Za-z0-9_-]+")]
    private static partial Regex UnlockLink();
}
