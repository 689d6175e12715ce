using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Foundation;

public sealed class WebEdgeTests
{
    [Theory, Providers]
    public async Task Health_answers_and_security_headers_are_on_every_response(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        foreach (var path in new[] { "/health", "/Account/Login", "/does-not-exist", "/css/site.css" })
        {
            using var response = await client.GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }

        Assert.Equal($"ok {AppVersion.Current}", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Errors_show_no_stack_trace_and_the_api_answers_problem_json()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("editor@a.vn");

        using var tooLong = await client.GetAsync("/api/units/search?q=" + new string('a', 2000));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"q\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var path in new[] { "/Units/Details?id=abc", "/Units/Details?id=99999999999999999999", "/api/units/-1/children", "/Members/Details?id=%00" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task Unit_search_ignores_case_diacritics_and_tone_placement(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@vn.vn", app.Tree.Root, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync("viewer@vn.vn");

        foreach (var query in new[] { "da nang", "ĐÀ NẴNG", "Đà Nẵng", "đà nẵng" })
        {
            var html = await client.GetStringAsync("/Units?q=" + Uri.EscapeDataString(query));
            Assert.Contains("Thành phố Đà Nẵng", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Hà Nội</a>", html, StringComparison.Ordinal);
        }

        foreach (var query in new[] { "Hòa Khánh", "Hoà Khánh", "hoa khanh", "HOA KHANH" })
        {
            var json = await client.GetStringAsync("/api/units/search?q=" + Uri.EscapeDataString(query));
            Assert.Contains("Phường Hoà Khánh", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        }

        var none = await client.GetStringAsync("/Units?q=" + Uri.EscapeDataString("<script>x</script>"));
        Assert.DoesNotContain("<script>x</script>", none, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", none, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_interface_switches_to_English_and_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();
        Assert.Contains("<html lang=\"vi\"", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        using var english = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/Account/Login" }, "/Culture");
        Assert.Equal("/Account/Login", english.Headers.Location!.ToString());
        var page = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
        Assert.Contains("Sign in", page, StringComparison.Ordinal);

        using var offsite = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["culture"] = "vi", ["returnUrl"] = "https://evil.example/" }, "/Culture");
        Assert.Equal("/", offsite.Headers.Location!.ToString());
        Assert.Contains("Đăng nhập", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_refuse_posts_without_the_antiforgery_token()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("editor@a.vn");
        using var response = await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Units")).StatusCode);
    }

    [Fact]
    public void Every_resource_key_has_both_languages()
    {
        static HashSet<string> Keys(string file) => System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "DuLuan", "Resources", file))
            .Descendants("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var vietnamese = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");
        Assert.Empty(vietnamese.Except(english));
        Assert.Empty(english.Except(vietnamese));
        var used = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "DuLuan", "Features"), "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "[Ll]\\[\"([A-Za-z0-9]+\\.[A-Za-z0-9]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(vietnamese));
    }
}
