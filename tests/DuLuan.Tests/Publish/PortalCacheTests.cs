using System.Net;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Channels;
using DuLuan.Tests.Claims;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Publish;

/// <summary>
/// The portal's output cache: anonymous readers get a stored answer (an Age header says so), signed-in members never do,
/// and a change to a post or a rebuttal shows at once.
/// </summary>
public sealed class PortalCacheTests
{
    private static async Task<(HttpStatusCode Status, bool FromCache, string Body)> GetAsync(TestClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    [Theory, Providers]
    public async Task Anonymous_portal_answers_are_cached_and_a_newly_published_post_appears_at_once(DatabaseProvider provider)
    {
        await using var f = await PublishFixture.StartAsync(provider);
        var facebook = await f.AddChannelAsync(ChannelKind.Facebook, f.App.Tree.ProvinceA.Id);
        using var anonymous = f.App.Client();
        string[] paths = ["/cong/48", "/cong/48/rss.xml", "/cong/48/atom.xml", "/cong/48/sitemap.xml"];
        foreach (var path in paths)
        {
            Assert.False((await GetAsync(anonymous, path)).FromCache, path);
            var again = await GetAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.True(again.FromCache, path + " is served from the cache the second time");
            Assert.DoesNotContain("Kiểm tra bộ nhớ đệm", again.Body, StringComparison.Ordinal);
        }

        // Query values other than the page number share the entry (no cache flooding); the page number does not.
        Assert.True((await GetAsync(anonymous, "/cong/48?x=" + Guid.NewGuid().ToString("N"))).FromCache);
        Assert.False((await GetAsync(anonymous, "/cong/48?trang=2")).FromCache);
        // A 404 is never stored.
        for (var i = 0; i < 2; i++)
        {
            Assert.False((await GetAsync(anonymous, "/cong/khong-co-don-vi")).FromCache);
        }

        // The English reader gets the English page, not the cached Vietnamese one.
        using var english = f.App.Client();
        english.Cookies.Add(f.App.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var en = await GetAsync(english, "/cong/48");
        Assert.False(en.FromCache);
        var vi = await GetAsync(anonymous, "/cong/48");
        Assert.NotEqual(en.Body, vi.Body);
        Assert.True((await GetAsync(english, "/cong/48")).FromCache);

        // A signed-in member neither reads nor fills the cache.
        var editor = await f.SignInAsync(PublishFixture.Editor);
        Assert.False((await GetAsync(editor, "/cong/48")).FromCache);
        Assert.False((await GetAsync(editor, "/cong/48")).FromCache);

        var at = f.Clock.GetUtcNow().AddHours(1);
        var id = await PublishingTests.ApprovedAsync(f, [facebook.Id], title: "Kiểm tra bộ nhớ đệm của cổng", at: at);
        Assert.Equal(PostStatus.Scheduled, (await f.PostAsync(id)).Status);
        Assert.True((await GetAsync(anonymous, "/cong/48")).FromCache);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/cong/48/tin/{id}")).Status);

        f.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await f.RunJobAsync());
        foreach (var path in paths)
        {
            var fresh = await GetAsync(anonymous, path);
            Assert.False(fresh.FromCache, path);
            Assert.Contains(path.EndsWith("sitemap.xml", StringComparison.Ordinal) ? $"/tin/{id}" : "Kiểm tra bộ nhớ đệm của cổng", fresh.Body, StringComparison.Ordinal);
        }

        Assert.Contains("Kiểm tra bộ nhớ đệm của cổng", (await GetAsync(english, "/cong/48")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, $"/cong/48/tin/{id}")).Status);
        Assert.True((await GetAsync(anonymous, $"/cong/48/tin/{id}")).FromCache);
    }

    [Theory, Providers]
    public async Task A_withdrawn_rebuttal_leaves_the_cached_portal_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await ClaimsFixture.EditorAsync(app, app.Tree.ProvinceA);
        var id = await ClaimsFixture.PublishedClaimAsync(app, client, app.Tree.CommuneA1.Id);
        using var anonymous = app.Client();
        var page = $"/cong/48/kiem-chung/{ClaimsFixture.S(id)}";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, page)).Status);
        Assert.True((await GetAsync(anonymous, page)).FromCache);
        Assert.True((await GetAsync(anonymous, "/cong/48/kiem-chung")).Status == HttpStatusCode.OK);
        Assert.True((await GetAsync(anonymous, "/cong/48/kiem-chung")).FromCache);
        // The public rebuttal page carries no form, so no antiforgery cookie stops it from being cached.
        Assert.DoesNotContain("__RequestVerificationToken", (await GetAsync(anonymous, page)).Body, StringComparison.Ordinal);

        // Edited: the statement leaves the portal at once and, approved again, the new answer shows at once.
        using (var edited = await ClaimsFixture.EditAsync(app, client, id, "False", "Lý do đã cập nhật.", "Câu trả lời chính thức mới.", status: "Answered"))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, page)).Status);
        await ClaimsFixture.PublishAsync(app, client, id);

        var after = await GetAsync(anonymous, page);
        Assert.False(after.FromCache);
        Assert.Contains("Câu trả lời chính thức mới.", after.Body, StringComparison.Ordinal);

        using (var withdrawn = await ClaimsFixture.PostAsync(client, id, "Publish", new Dictionary<string, string> { ["publish"] = "false", ["version"] = ClaimsFixture.S(await ClaimsFixture.VersionAsync(app, id)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, page)).Status);
        Assert.DoesNotContain($"/kiem-chung/{ClaimsFixture.S(id)}", (await GetAsync(anonymous, "/cong/48/kiem-chung")).Body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync(c => c.Id == id && c.PublishedAt != null)));
    }
}
