using System.Net;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

public sealed class SignInTests
{
    [Theory, Providers]
    public async Task Sign_in_works_and_is_audited_with_the_remote_address(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();

        await client.SignInOkAsync("editor@a.vn");

        using var root = await client.GetAsync("/");
        Assert.Equal("/Home", root.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/Home");
        Assert.Contains("Thành phố Đà Nẵng", home, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SignIn));
        Assert.Equal("editor@a.vn", entry.Target);
        Assert.Equal("127.0.0.1", entry.RemoteAddress);
    }

    [Theory, Providers]
    public async Task Repeated_failures_back_off_even_for_the_right_password(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("victim@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();

        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.SignInAsync("victim@a.vn", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var right = await client.SignInAsync("victim@a.vn");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("quá nhiều lần", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInThrottled)));
    }

    [Fact]
    public async Task Brute_force_is_throttled_with_429()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "5" });
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@y.vn", ["Input.Password"] = "p" }));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.ServiceUnavailable, statuses);
    }

    [Theory, Providers]
    public async Task Logout_makes_a_copied_cookie_worthless(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("editor@a.vn");
        var stolen = client.CookieValue("duluan")!;
        using var thief = app.Client();
        thief.Cookies.Add(app.BaseAddress, new Cookie("duluan", stolen));
        using (var before = await thief.GetAsync("/Units"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = await client.PostFormAsync("/Home", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await thief.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Password_change_and_disable_end_other_sessions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("admin@a.vn", app.Tree.ProvinceA, Role.Editor);
        var other = await app.AddMemberAsync("other@a.vn", app.Tree.CommuneA1, Role.Collaborator);
        using var first = app.Client();
        using var second = app.Client();
        await first.SignInOkAsync("admin@a.vn");
        await second.SignInOkAsync("admin@a.vn");

        using var change = await first.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["Current"] = TestApp.Password, ["Password"] = "mot mat khau moi rat dai 2026" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        using (var stillIn = await first.GetAsync("/Units"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using (var kicked = await second.GetAsync("/Units"))
        {
            Assert.Equal(HttpStatusCode.Redirect, kicked.StatusCode);
        }

        using var victim = app.Client();
        await victim.SignInOkAsync("other@a.vn");
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var member = await db.Users.SingleAsync(m => m.Id == other.Id);
            await s.GetRequiredService<MemberAccounts>().DisableAsync(member, app.Tree.CommuneA1.Id);
            return 0;
        });
        using var disabled = await victim.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var again = await victim.SignInAsync("other@a.vn");
        Assert.Contains("tạm bị khoá", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_weak_or_common_password_is_refused_with_a_Vietnamese_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("editor@a.vn");

        foreach (var weak in new[] { "ngan", "matkhau123", "anhyeuem2026", "1234567890", "editor12345" })
        {
            using var response = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["Current"] = TestApp.Password, ["Password"] = weak });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("phổ biến", StringComparison.Ordinal) || html.Contains("ít nhất", StringComparison.Ordinal), weak);
        }
    }

    [Fact]
    public async Task Hostile_sign_in_input_gets_a_page_not_a_server_error()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.Client();
        foreach (var email in new[] { new string('a', 100_000) + "@x.vn", "'; DROP TABLE units; --", "<script>alert(1)</script>", "\u0000\uFFFF\uD800", string.Empty })
        {
            using var response = await client.SignInAsync(email, new string('p', 10_000));
            // Control characters may be refused outright (400); nothing may become a server error.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode} for {email[..Math.Min(20, email.Length)]}");
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(await app.WithDbAsync(db => db.Units.AnyAsync()));
    }
}
