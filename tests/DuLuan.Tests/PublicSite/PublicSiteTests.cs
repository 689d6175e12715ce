using System.Net;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.PublicSite;

/// <summary>The public face: a home that finds a place by typing, one site per place at /cong/{code}, old addresses moved.</summary>
public sealed class PublicSiteTests
{
    [Theory, Providers]
    public async Task The_home_finds_a_ward_typed_without_diacritics_and_links_to_its_site(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        using var home = await resident.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var homeHtml = await home.Content.ReadAsStringAsync();
        Assert.Contains("id=\"place-search\"", homeHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"staff-sign-in\"", homeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/Account/Logout", homeHtml, StringComparison.Ordinal);

        var found = await resident.GetStringAsync("/?q=hoa+khanh");
        Assert.Contains("href=\"/cong/20200\"", found, StringComparison.Ordinal);
        Assert.Contains("Phường Hoà Khánh", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Hải Vân", found, StringComparison.Ordinal);
        // Teams have no public site: "dan van" finds nothing, though a team is called "Tổ dân vận".
        Assert.Contains("id=\"no-place\"", await resident.GetStringAsync("/?q=dan+van"), StringComparison.Ordinal);

        // In English the links keep the language (no cookie is set), and the search form sends it again.
        var english = await resident.GetStringAsync("/?q=HOÀ+KHÁNH&lang=en");
        Assert.Contains("href=\"/cong/20200?lang=en\"", english, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"en\" />", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Staff sign-in", english, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_home_answers_hostile_queries_without_echoing_markup(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        using var tooLong = await resident.GetAsync("/?q=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("id=\"q-error\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var query in new[] { "<script>alert(1)</script>", "%", "_", "' OR 1=1 --", "\u0000" })
        {
            using var response = await resident.GetAsync("/?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/cong/", html, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task Signed_in_staff_reach_their_workspace_from_the_home(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        using var staff = app.Client();
        await staff.SignInOkAsync("editor@a.vn");

        using var root = await staff.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/Home", root.Headers.Location?.OriginalString);
        Assert.Contains("Thành phố Đà Nẵng", await staff.GetStringAsync("/Home"), StringComparison.Ordinal);

        using var anonymous = app.Client();
        using var staffHome = await anonymous.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.Redirect, staffHome.StatusCode);
        Assert.Contains("/Account/Login", staffHome.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Every_public_page_of_a_place_has_its_name_one_navigation_and_no_staff_bar(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        string[] pages = ["", "/phan-anh", "/theo-doi", "/vu-viec", "/kiem-chung", "/khao-sat", "/lien-he"];
        foreach (var page in pages)
        {
            using var response = await resident.GetAsync("/cong/20200" + page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/cong/20200{page}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"public-nav\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"place-name\" lang=\"vi\" href=\"/cong/20200\">Phường Hoà Khánh</a>", html, StringComparison.Ordinal);
            foreach (var link in pages.Skip(1))
            {
                Assert.Contains($"href=\"/cong/20200{link}\"", html, StringComparison.Ordinal);
            }

            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "id=\"switch-language\""));
            Assert.DoesNotContain("href=\"/Cases\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/Account/Logout", html, StringComparison.Ordinal);

            var english = await resident.GetStringAsync("/cong/20200" + page + "?lang=en");
            Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
            Assert.Contains($"href=\"/cong/20200/phan-anh?lang=en\"", english, StringComparison.Ordinal);
            Assert.Contains(">Send a concern<", english, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task Unknown_or_hostile_place_codes_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        foreach (var code in new[] { "99999", "%3Cscript%3E", new string('9', 21), "%20" })
        {
            foreach (var page in new[] { "/phan-anh", "/theo-doi", "/vu-viec", "/khao-sat", "/lien-he" })
            {
                using var response = await resident.GetAsync($"/cong/{code}{page}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"/cong/{code}{page}: {response.StatusCode}");
            }
        }

        // A team has no official code and no site; the old id-based address of a team is not found either.
        using var team = await resident.GetAsync($"/phan-anh/{app.Tree.AgencyA1.Id}");
        Assert.Equal(HttpStatusCode.NotFound, team.StatusCode);
    }

    [Theory, Providers]
    public async Task Old_id_based_addresses_move_permanently_to_the_readable_ones(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        var id = app.Tree.CommuneA1.Id;

        using var form = await resident.GetAsync($"/phan-anh/{id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, form.StatusCode);
        Assert.Equal("/cong/20200/phan-anh", form.Headers.Location?.OriginalString);

        using var answered = await resident.GetAsync($"/vu-viec/don-vi/{app.Tree.ProvinceA.Id}?trang=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, answered.StatusCode);
        Assert.Equal("/cong/48/vu-viec?trang=2", answered.Headers.Location?.OriginalString);

        using var followUp = await resident.GetAsync("/theo-doi");
        Assert.Equal(HttpStatusCode.MovedPermanently, followUp.StatusCode);
        Assert.Equal("/", followUp.Headers.Location?.OriginalString);
    }

    [Theory, Providers]
    public async Task The_sitemap_lists_every_public_page_of_the_place_rebuttals_included(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var now = DateTime.UtcNow.AddDays(-1);
        var (published, draft) = await app.WithDbAsync(async db =>
        {
            var shown = new Claim { UnitId = app.Tree.CommuneA1.Id, Text = "Tin đồn cắt nước cả tuần", Status = ClaimStatus.Open, CreatedAt = now, UpdatedAt = now, PublishedAt = now, Verdict = Verdict.False };
            var hidden = new Claim { UnitId = app.Tree.CommuneA1.Id, Text = "Tin đồn chưa kiểm chứng", Status = ClaimStatus.Open, CreatedAt = now, UpdatedAt = now };
            db.Claims.AddRange(shown, hidden);
            await db.SaveChangesAsync();
            return (shown.Id, hidden.Id);
        });
        using var resident = app.Client();

        var sitemap = await resident.GetStringAsync("/cong/48/sitemap.xml");

        foreach (var page in new[] { "/phan-anh", "/theo-doi", "/vu-viec", "/kiem-chung", "/khao-sat", "/lien-he" })
        {
            Assert.Contains($"/cong/48{page}</loc>", sitemap, StringComparison.Ordinal);
        }

        Assert.Contains($"/cong/48/kiem-chung/{published}</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"/kiem-chung/{draft}</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/kiem-chung/" + published, await resident.GetStringAsync("/cong/01/sitemap.xml"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_public_not_found_page_leads_to_the_public_home(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        using var missing = await resident.GetAsync("/cong/99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("href=\"/\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var home = await resident.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
