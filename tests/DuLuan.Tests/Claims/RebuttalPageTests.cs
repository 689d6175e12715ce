using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Claims;

/// <summary>The public rebuttal page: only published claims, ClaimReview JSON-LD with Google's properties, Open Graph, no break-out.</summary>
public sealed class RebuttalPageTests
{
    [Theory, Providers]
    public async Task A_published_rebuttal_carries_valid_ClaimReview_json_ld(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        // An outlet name (set by staff on a feed) is text that reaches the JSON-LD unchanged: it must not close the script.
        var feed = await AddFeedAsync(app, app.Tree.ProvinceA.Id, "Báo </script><script>alert(1)</script> & 'X'");
        var storyId = await IngestAsync(app, feed, "r1", "Phường Hoà Khánh sẽ cắt điện toàn bộ", Rumour, DateTimeOffset.UtcNow.AddDays(-3));
        var id = await CreateAsync(client, app.Tree.CommuneA1.Id, Rumour);
        using (var linked = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Story", ["target"] = "#" + S(storyId) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        using (var web = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Url", ["target"] = "https://mxh.example.vn/bai/1", ["appeared"] = "2026-01-02" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, web.StatusCode);
        }

        using (var edited = await EditAsync(app, client, id, "False", "Điện lực chỉ bảo trì 4 giờ.", "Không cắt điện toàn phường."))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using var anonymous = app.Client();
        using (var before = await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        await PublishAsync(app, client, id);
        using var response = await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var ld = JsonLd(html);
        var url = $"{app.BaseAddress.ToString().TrimEnd('/')}/cong/48/kiem-chung/{S(id)}";

        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", ld.GetProperty("@type").GetString());
        Assert.Equal(url, ld.GetProperty("url").GetString());
        Assert.Equal(DuLuan.Analysis.Text.VietnameseNormalizer.Normalize(Rumour), ld.GetProperty("claimReviewed").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", ld.GetProperty("datePublished").GetString()!);
        var author = ld.GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("Phường Hoà Khánh", author.GetProperty("name").GetString());
        var rating = ld.GetProperty("reviewRating");
        Assert.Equal("Rating", rating.GetProperty("@type").GetString());
        Assert.Equal(1, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(5, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        Assert.Equal("Sai sự thật", rating.GetProperty("alternateName").GetString());
        var item = ld.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        var appearances = item.GetProperty("appearance").EnumerateArray().ToList();
        Assert.Equal(2, appearances.Count);
        Assert.All(appearances, a => Assert.Equal("CreativeWork", a.GetProperty("@type").GetString()));
        Assert.Equal(["https://mxh.example.vn/bai/1", "https://tin.example.vn/r1"], appearances.Select(a => a.GetProperty("url").GetString()));
        Assert.Equal("https://mxh.example.vn/bai/1", item.GetProperty("firstAppearance").GetProperty("url").GetString());
        Assert.Equal("2026-01-02", item.GetProperty("datePublished").GetString());
        Assert.Equal("Báo </script><script>alert(1)</script> & 'X'", appearances[1].GetProperty("publisher").GetProperty("name").GetString());

        Assert.Contains("<meta property=\"og:title\" content=\"Sai sự thật: ", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\"", html, StringComparison.Ordinal);
        Assert.Contains("Không cắt điện toàn phường.", html, StringComparison.Ordinal);
        Assert.Contains("Điện lực chỉ bảo trì 4 giờ.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng bài phản bác", html, StringComparison.Ordinal);

        var list = await anonymous.GetStringAsync("/cong/48/kiem-chung");
        Assert.Contains($"/cong/48/kiem-chung/{S(id)}", list, StringComparison.Ordinal);
        Assert.Contains("og:title", list, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Unpublished_foreign_forged_and_unknown_rebuttals_are_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var published = await PublishedClaimAsync(app, client, app.Tree.CommuneA1.Id);
        var draft = await CreateAsync(client, app.Tree.ProvinceA.Id, "Một tin khác chưa có kết luận nào cả");
        using (var unpublished = await PostAsync(client, published, "Publish", new Dictionary<string, string> { ["publish"] = "false", ["version"] = S(await VersionAsync(app, published)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        var again = await PublishedClaimAsync(app, client, app.Tree.CommuneA1.Id, "Tin thứ ba cũng sai sự thật hoàn toàn");
        using var anonymous = app.Client();
        foreach (var path in new[]
        {
            $"/cong/48/kiem-chung/{S(published)}", // published, then withdrawn
            $"/cong/48/kiem-chung/{S(draft)}",
            $"/cong/01/kiem-chung/{S(again)}", // another province's portal
            $"/cong/00004/kiem-chung/{S(again)}",
            $"/cong/20194/kiem-chung/{S(again)}", // a sibling commune
            $"/cong/99/kiem-chung/{S(again)}",
            $"/cong/48/kiem-chung/{S(again + 1000)}",
            $"/cong/48/kiem-chung/{S(again)}/tai-lieu/1",
            "/cong/%3Cscript%3E/kiem-chung",
            $"/cong/{new string('1', 300)}/kiem-chung",
        })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
        }

        // The claim of a commune shows on its own portal and on its province's.
        foreach (var path in new[] { $"/cong/48/kiem-chung/{S(again)}", $"/cong/20200/kiem-chung/{S(again)}" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
        }

        var list = await anonymous.GetStringAsync("/cong/48/kiem-chung");
        Assert.Contains($"/cong/48/kiem-chung/{S(again)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cong/48/kiem-chung/{S(published)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cong/48/kiem-chung/{S(draft)}\"", list, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_published_claim_cannot_lose_its_verdict_without_being_withdrawn(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await PublishedClaimAsync(app, client, app.Tree.ProvinceA.Id);
        using var response = await EditAsync(app, client, id, string.Empty, string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var anonymous = app.Client();
        using var page = await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void Json_ld_escapes_markup_so_text_cannot_close_the_script()
    {
        var claim = new Claim { Id = 7, UnitId = 1, Text = "a </script><script>alert(1)</script> & \u2028 b", Verdict = Verdict.MissingContext, Reasoning = "r", PublishedAt = new DateTime(2026, 3, 1, 20, 0, 0, DateTimeKind.Utc) };
        var json = ClaimReview.Json(claim, "Ủy ban <b>", "https://x.vn/cong/48/kiem-chung/7", [new Appearance("https://a.vn/1", "A", null)], new OfficeTime(TimeProvider.System, OfficeTime.DefaultZoneId));
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(claim.Text, document.RootElement.GetProperty("claimReviewed").GetString());
        Assert.Equal("Thiếu bối cảnh", document.RootElement.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        Assert.Equal(4, document.RootElement.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        // 20:00 UTC is the next day in Vietnam.
        Assert.Equal("2026-03-02", document.RootElement.GetProperty("datePublished").GetString());
        Assert.False(document.RootElement.GetProperty("itemReviewed").TryGetProperty("datePublished", out _));
    }
}
