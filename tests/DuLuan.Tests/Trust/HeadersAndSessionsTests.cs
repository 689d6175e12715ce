using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Tests.Trust;

/// <summary>Security headers on every kind of response, cookie flags, and old cookies refused after every session-ending event.</summary>
public sealed class HeadersAndSessionsTests
{
    private static readonly string[] Paths =
    [
        "/", "/Account/Login", "/no-such-page", "/Error?code=500", "/css/site.css", "/js/site.js", "/favicon.svg",
        "/api/units/search?q=a", "/api/surveys/1/results", "/open311/v2/services.json", "/open311/v2/requests/999999.json", "/health", "/metrics",
        "/khao-sat/999999", "/phan-anh/999999", "/cong/999999/phan-anh", "/Cases", "/lib/does-not-exist.js",
    ];

    /// <summary>Debug, metrics, source and data paths that must never answer 2xx to an anonymous caller.</summary>
    private static readonly string[] Closed =
    [
        "/metrics", "/swagger", "/swagger/index.html", "/debug", "/_framework/debug", "/env", "/.env", "/appsettings.json",
        "/appsettings.Development.json", "/duluan.db", "/data/duluan.db", "/duluan.dll", "/web.config", "/.git/config", "/Features/Index.cshtml",
        "/trace", "/healthz/details", "/api", "/openapi/v1.json",
    ];

    [Theory, Providers]
    public async Task Every_response_carries_the_security_headers_and_no_internals(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        var missing = new List<string>();
        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var csp = string.Join(' ', response.Headers.TryGetValues("Content-Security-Policy", out var v) ? v : []);
            if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || !csp.Contains("script-src 'self'", StringComparison.Ordinal) || csp.Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal))
            {
                missing.Add($"{path}: CSP '{csp}'");
            }

            if (!Has(response, "X-Content-Type-Options", "nosniff"))
            {
                missing.Add($"{path}: nosniff");
            }

            if (!Has(response, "Referrer-Policy", "same-origin"))
            {
                missing.Add($"{path}: Referrer-Policy");
            }

            if (!Has(response, "X-Frame-Options", "DENY"))
            {
                missing.Add($"{path}: X-Frame-Options");
            }

            if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal) || body.Contains("Microsoft.", StringComparison.Ordinal))
            {
                missing.Add($"{path}: internals in the body");
            }

            if (response.Headers.Contains("Server") || response.Headers.Contains("X-Powered-By"))
            {
                missing.Add($"{path}: server banner");
            }
        }

        var open = new List<string>();
        foreach (var path in Closed)
        {
            using var response = await client.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                open.Add($"{path} -> {(int)response.StatusCode}");
            }
        }

        TrustReport.Add("headers", $"responses missing a security header or leaking internals ({provider})", $"{missing.Count} of {Paths.Length}", missing.Count == 0);
        TrustReport.Add("headers", $"debug/metrics/source paths open to the public ({provider})", $"{open.Count} of {Closed.Length}", open.Count == 0);
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(open.Count == 0, string.Join("\n", open));
    }

    [Fact]
    public async Task Secure_cookie_settings_give_host_prefixed_secure_httponly_strict_cookies()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:SecureCookies"] = "true" });
        var monitor = app.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        var problems = new List<string>();
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            var cookie = monitor.Get(scheme).Cookie;
            if (cookie.Name?.StartsWith("__Host-", StringComparison.Ordinal) != true)
            {
                problems.Add($"{scheme}: name {cookie.Name}");
            }

            if (cookie.SecurePolicy != CookieSecurePolicy.Always)
            {
                problems.Add($"{scheme}: secure {cookie.SecurePolicy}");
            }

            if (!cookie.HttpOnly)
            {
                problems.Add($"{scheme}: not HttpOnly");
            }

            if (cookie.SameSite != SameSiteMode.Strict)
            {
                problems.Add($"{scheme}: SameSite {cookie.SameSite}");
            }
        }

        // Behind the TLS-terminating proxy on loopback, as docs/operations.md deploys it.
        using var client = app.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var login = await client.GetAsync("/Account/Login");
        if ((int)login.StatusCode != 200)
        {
            problems.Add($"/Account/Login behind the proxy -> {(int)login.StatusCode}");
        }

        if (!login.Headers.TryGetValues("Strict-Transport-Security", out var hsts) || !hsts.Any(h => h.Contains("max-age=31536000", StringComparison.Ordinal)))
        {
            problems.Add("no HSTS over HTTPS");
        }

        var setCookie = string.Join("\n", login.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
        foreach (var flag in new[] { "__Host-duluan-af=", "secure", "samesite=strict", "httponly", "path=/" })
        {
            if (!setCookie.Contains(flag, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"antiforgery cookie lacks {flag}: {setCookie}");
            }
        }

        if (setCookie.Contains("domain=", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("a __Host- cookie must not name a domain");
        }

        TrustReport.Add("headers", "HSTS and cookie flags behind the TLS proxy (__Host-, Secure, HttpOnly, SameSite=Strict)", $"{problems.Count} problems", problems.Count == 0);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory, Providers]
    public async Task A_copied_cookie_stops_working_after_logout_password_change_role_change_and_disable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var refusedAfter = new List<string>();
        foreach (var ending in new[] { "logout", "password change", "role change", "disable" })
        {
            var email = $"phien-{ending.Replace(' ', '-')}@trust.example.vn";
            var member = await app.AddMemberAsync(email, app.Tree.CommuneA1, Role.Editor);
            using var client = app.Client();
            await client.SignInOkAsync(email);
            var stolen = client.CookieValue("duluan")!;
            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, stolen));

            switch (ending)
            {
                case "logout":
                    (await client.PostFormAsync("/Account/Manage", new Dictionary<string, string>(), "/Account/Logout")).Dispose();
                    break;
                case "password change":
                    using (var changed = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["Current"] = TestApp.Password, ["Password"] = "mot mat khau moi rat dai 77" }))
                    {
                        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
                    }

                    break;
                case "role change":
                    await app.WithScopeAsync(async s =>
                    {
                        var db = s.GetRequiredService<AppDbContext>();
                        var membership = await db.Memberships.SingleAsync(m => m.MemberId == member.Id);
                        await s.GetRequiredService<MemberAdmin>().RevokeAsync(membership);
                        return 0;
                    });
                    break;
                default:
                    await app.WithScopeAsync(async s =>
                    {
                        var tracked = await s.GetRequiredService<UserManager<Member>>().FindByIdAsync(member.Id);
                        await s.GetRequiredService<MemberAccounts>().DisableAsync(tracked!, app.Tree.CommuneA1.Id);
                        return 0;
                    });
                    break;
            }

            if (await ReplayAsync(app, stolen) != HttpStatusCode.OK)
            {
                refusedAfter.Add(ending);
            }
        }

        TrustReport.Add("sessions", $"old cookie refused after logout, password change, role change, disable ({provider})", $"{refusedAfter.Count} of 4", refusedAfter.Count == 4);
        Assert.Equal(["logout", "password change", "role change", "disable"], refusedAfter);
    }

    /// <summary>A fresh client that carries only the copied cookie.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(TestApp app, string cookie)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Cases");
        request.Headers.Add("Cookie", "duluan=" + cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static bool Has(HttpResponseMessage response, string name, string value)
        => (response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v)) && v.Any(x => string.Equals(x, value, StringComparison.OrdinalIgnoreCase));
}
