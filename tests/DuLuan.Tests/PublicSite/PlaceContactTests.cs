using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.PublicSite;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.PublicSite;

/// <summary>The office's contact on its site, the printable poster, the form's link and QR on a staff page, the site's sitemap index.</summary>
public sealed class PlaceContactTests
{
    [Theory, Providers]
    public async Task An_editor_writes_the_office_contact_and_residents_read_it_on_the_contact_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@a.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("viewer@a.vn", app.Tree.ProvinceA, Role.Viewer);
        var commune = app.Tree.CommuneA1.Id;
        var page = $"/PublicSite/Contact/{commune}";

        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@a.vn");
        using (var refused = await viewer.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var admin = app.Client();
        await admin.SignInOkAsync("editor@a.vn");
        using (var bad = await admin.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Address"] = new string('a', 301),
            ["Phone"] = "gọi 0236<script>",
            ["Email"] = "khong-phai-thu",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("Địa chỉ trụ sở: dài quá 300 ký tự.", html, StringComparison.Ordinal);
            Assert.Contains("Điện thoại: chỉ gồm chữ số", html, StringComparison.Ordinal);
            Assert.Contains("Thư điện tử: không phải địa chỉ thư hợp lệ.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.PlaceContacts.CountAsync()));

        using (var saved = await admin.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Address"] = "<b>Số 1</b> đường Âu Cơ, phường Hoà Khánh",
            ["Phone"] = "(0236) 3 842 123",
            ["Email"] = "tiepnhan@hoakhanh.danang.gov.vn",
            ["Hours"] = "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var resident = app.Client();
        var contact = await resident.GetStringAsync("/cong/20200/lien-he");
        // Markup is dropped and the text normalised as every label is (one tone-mark placement, plain dashes).
        Assert.Contains("<dd id=\"contact-address\" lang=\"vi\">Số 1 đường Âu Cơ, phường H", contact, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", contact, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:02363842123\"", contact, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:tiepnhan@hoakhanh.danang.gov.vn\"", contact, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"contact-hours\" lang=\"vi\">Thứ Hai", contact, StringComparison.Ordinal);
        Assert.Contains("href=\"/cong/20200/ap-phich\"", contact, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == EditContactModel.Action && a.UnitId == commune)));
    }

    [Theory, Providers]
    public async Task The_poster_the_staff_page_and_the_sitemap_index_point_residents_to_the_form(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();

        using (var poster = await resident.GetAsync("/cong/20200/ap-phich?lang=en"))
        {
            Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
            var html = await poster.Content.ReadAsStringAsync();
            Assert.Contains("id=\"poster-form-qr\" src=\"data:image/svg", html, StringComparison.Ordinal);
            Assert.Contains("id=\"poster-follow-qr\" src=\"data:image/svg", html, StringComparison.Ordinal);
            Assert.Contains("/cong/20200/phan-anh</span>", html, StringComparison.Ordinal);
            Assert.Contains("/cong/20200/theo-doi</span>", html, StringComparison.Ordinal);
            Assert.Contains("Print the poster (A4)", html, StringComparison.Ordinal);
        }

        // Only the concern form may ask the phone for its position ("use my position"); no other page may.
        using (var form = await resident.GetAsync("/cong/20200/phan-anh"))
        {
            Assert.Contains("geolocation=(self)", form.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        }

        using (var home = await resident.GetAsync("/cong/20200"))
        {
            Assert.Contains("geolocation=()", home.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        }

        using (var unknown = await resident.GetAsync("/cong/99999/ap-phich"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        await app.AddMemberAsync("ctv@a1.vn", app.Tree.CommuneA1, Role.Editor);
        using var staff = app.Client();
        await staff.SignInOkAsync("ctv@a1.vn");
        var concerns = await staff.GetStringAsync("/Concerns");
        Assert.Contains("class=\"public-form-link\"", concerns, StringComparison.Ordinal);
        Assert.Contains("/cong/20200/phan-anh</a>", concerns, StringComparison.Ordinal);
        Assert.Contains("class=\"qr\" src=\"data:image/svg", concerns, StringComparison.Ordinal);

        using var index = await resident.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var xml = System.Xml.Linq.XDocument.Parse(await index.Content.ReadAsStringAsync());
        Assert.Equal("sitemapindex", xml.Root!.Name.LocalName);
        var locs = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains(locs, l => l.EndsWith("/cong/48/sitemap.xml", StringComparison.Ordinal));
        Assert.Contains(locs, l => l.EndsWith("/cong/20200/sitemap.xml", StringComparison.Ordinal));
        Assert.Contains("/sitemap.xml", await resident.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
    }
}
