using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Desk;

public sealed partial class GuideTests
{
    [Fact]
    public async Task Each_role_guide_is_whole_in_the_readers_language_with_its_screenshots()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddMemberAsync("bientap@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("bientap@a.vn");
        foreach (var (slug, _) in RoleGuides.All)
        {
            var vietnamese = WebUtility.HtmlDecode(await client.GetStringAsync("/Guide/" + slug));
            Assert.Contains("<h1>Hướng dẫn cho ", vietnamese, StringComparison.Ordinal);
            await ImagesAnswerAsync(client, vietnamese, slug);
        }

        client.Cookies.Add(app.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        foreach (var (slug, _) in RoleGuides.All)
        {
            var english = WebUtility.HtmlDecode(await client.GetStringAsync("/Guide/" + slug));
            Assert.Contains("<h1>Guide for ", english, StringComparison.Ordinal);
            Assert.DoesNotContain("Hướng dẫn cho", english, StringComparison.Ordinal);
            Assert.DoesNotContain("Việc hằng ngày", english, StringComparison.Ordinal);
            await ImagesAnswerAsync(client, english, slug);
        }
    }

    [Fact]
    public async Task Hostile_guide_and_image_names_are_not_found()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddMemberAsync("bientap@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var client = app.Client();
        await client.SignInOkAsync("bientap@a.vn");
        foreach (var path in new[]
        {
            "/Guide/lead.en", "/Guide/LEAD", "/Guide/lead%2F..%2Fadmin", "/Guide/..%2F..%2Fappsettings.json", "/Guide/" + new string('a', 500),
            "/Guide?handler=Image&name=..%2Fguides%2Flead.md", "/Guide?handler=Image&name=guide-lead.en.md", "/Guide?handler=Image&name=guide-%00.png",
            "/Guide?handler=Image&name=" + new string('g', 300) + ".png", "/Guide?handler=Image",
        })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task ImagesAnswerAsync(TestClient client, string html, string slug)
    {
        var images = ImagePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(images.Count >= 2, slug);
        foreach (var src in images)
        {
            using var image = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImagePattern();
}
