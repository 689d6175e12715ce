using System.Net;
using System.Xml.Linq;
using DuLuan.Data;
using DuLuan.Features.Bulletins;
using DuLuan.Features.Dialogue;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.PublicSite;

/// <summary>
/// A place's sitemap lists the pages every capability shows for it (through <c>IPortalPages</c>): published bulletins,
/// announced dialogues and published surveys answered on that place's site, and nothing unpublished.
/// </summary>
public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory, Providers]
    public async Task The_sitemap_lists_bulletins_dialogues_and_surveys_of_the_place_and_nothing_unpublished(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var commune = app.Tree.CommuneA1;
        var now = DateTime.UtcNow.AddHours(-2);
        var ids = await app.WithDbAsync(async db =>
        {
            Bulletin Bulletin(string title, DateTime? publishedAt) => new()
            {
                UnitId = commune.Id,
                AirDate = DateOnly.FromDateTime(now),
                Slot = BulletinSlot.Morning,
                Title = title,
                WrittenText = "Bản tin.",
                SpokenText = "Bản tin.",
                Status = publishedAt is null ? BulletinStatus.Draft : BulletinStatus.Approved,
                ContentHash = "h",
                AuthorId = "a",
                LastEditorId = "a",
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = publishedAt,
            };
            var aired = Bulletin("Bản tin sáng", now);
            var draft = Bulletin("Bản tin nháp", null);
            var session = new DialogueSession { UnitId = commune.Id, Title = "Đối thoại với dân", StartsAt = now.AddDays(3), Officials = "Chủ tịch UBND xã", CreatedBy = "test", CreatedAt = now };
            db.AddRange(aired, draft, session);
            await db.SaveChangesAsync();
            db.BulletinAudio.AddRange(
                new BulletinAudio { BulletinId = aired.Id, Mp3 = [1, 2, 3], ContentHash = "h", Engine = "test", RenderedAt = now },
                new BulletinAudio { BulletinId = draft.Id, Mp3 = [1, 2, 3], ContentHash = "h", Engine = "test", RenderedAt = now });
            await db.SaveChangesAsync();
            return (Aired: aired.Id, Draft: draft.Id, Session: session.Id);
        });
        // Province A's surveys are answered on the province's site; one of them is taken back to draft.
        var open = await SurveyKit.PublishedAsync(app);
        var unpublished = await SurveyKit.PublishedAsync(app);
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == unpublished).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Draft)));
        using var resident = app.Client();

        var communeUrls = await UrlsAsync(resident, "/cong/20200/sitemap.xml");
        Assert.Contains(communeUrls, u => u.EndsWith("/cong/20200/ban-tin", StringComparison.Ordinal));
        Assert.Contains(communeUrls, u => u.EndsWith($"/cong/20200/ban-tin/{ids.Aired}", StringComparison.Ordinal));
        Assert.DoesNotContain(communeUrls, u => u.EndsWith($"/ban-tin/{ids.Draft}", StringComparison.Ordinal));
        Assert.Contains(communeUrls, u => u.EndsWith($"/cong/20200/doi-thoai/{ids.Session}", StringComparison.Ordinal));
        Assert.DoesNotContain(communeUrls, u => u.Contains($"/khao-sat/{open}", StringComparison.Ordinal));
        Assert.Equal(communeUrls.Count, communeUrls.Distinct().Count());

        // Every listed page of the place answers 200 to a resident.
        foreach (var url in communeUrls)
        {
            using var page = await resident.GetAsync(new Uri(url).PathAndQuery);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)page.StatusCode}");
        }

        // The province lists its own survey (not the draft) and not the commune's bulletin; another province sees none of it.
        var provinceUrls = await UrlsAsync(resident, "/cong/48/sitemap.xml");
        Assert.Contains(provinceUrls, u => u.EndsWith($"/cong/48/khao-sat/{open}", StringComparison.Ordinal));
        Assert.DoesNotContain(provinceUrls, u => u.Contains($"/khao-sat/{unpublished}", StringComparison.Ordinal));
        Assert.DoesNotContain(provinceUrls, u => u.Contains($"/ban-tin/{ids.Aired}", StringComparison.Ordinal));
        foreach (var url in provinceUrls.Where(u => u.Contains("/khao-sat/", StringComparison.Ordinal)))
        {
            using var page = await resident.GetAsync(new Uri(url).PathAndQuery);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)page.StatusCode}");
        }

        var otherUrls = await UrlsAsync(resident, "/cong/01/sitemap.xml");
        Assert.DoesNotContain(otherUrls, u => u.Contains($"/doi-thoai/{ids.Session}", StringComparison.Ordinal) || u.Contains($"/khao-sat/{open}", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task Hostile_place_codes_get_no_sitemap(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        foreach (var code in new[] { "99999", "%20", "..%2F..%2Fetc", "'%20OR%201=1--", "%3Cscript%3E", new string('4', 300) })
        {
            using var response = await resident.GetAsync($"/cong/{code}/sitemap.xml");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{code} answered {(int)response.StatusCode}");
        }
    }

    private static async Task<List<string>> UrlsAsync(TestClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return xml.Root!.Elements(Ns + "url").Select(u => (string)u.Element(Ns + "loc")!).ToList();
    }
}
