using System.Net;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Claims;

/// <summary>The register over real HTTP: clean text, fixed scales, audited and versioned edits, scope as 404.</summary>
public sealed class ClaimRegisterTests
{
    [Theory, Providers]
    public async Task Claim_text_is_cleaned_redacted_and_encoded_and_every_edit_is_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(client, app.Tree.CommuneA1.Id, "<img src=x onerror=alert(1)>Tin đồn cắt điện, gọi 0905123456 để biết thêm<script>alert(2)</script>");

        var stored = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == id));
        Assert.DoesNotContain("<", stored.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0905123456", stored.Text, StringComparison.Ordinal);
        Assert.Contains("Tin đồn cắt điện", stored.Text, StringComparison.Ordinal);
        Assert.True(stored.Text.IsNormalized(System.Text.NormalizationForm.FormC));

        using (var edited = await EditAsync(app, client, id, "Misleading", "Lý do <b onclick=\"x()\">in đậm</b>", "Trả lời <script>alert(3)</script>chính thức"))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var page = await client.GetStringAsync($"/Claims/Details?id={S(id)}");
        Assert.DoesNotContain("onerror", page, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", page, StringComparison.Ordinal);
        Assert.Contains("Gây hiểu lầm", page, StringComparison.Ordinal);
        Assert.Contains("/Publish/Posts/Create?linkKind=Claim&amp;linkId=" + S(id) + "&amp;title=", page, StringComparison.Ordinal);

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "claim:" + S(id)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([ClaimEditor.Actions.Created, ClaimEditor.Actions.Edited], actions);
        var detail = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == ClaimEditor.Actions.Edited).Select(a => a.Detail).SingleAsync());
        Assert.Contains("verdict=Misleading", detail, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_stale_edit_is_refused_and_the_first_one_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var first = await EditorAsync(app, app.Tree.ProvinceA, "mot@claims.vn");
        using var second = await EditorAsync(app, app.Tree.ProvinceA, "hai@claims.vn");
        var id = await CreateAsync(first, app.Tree.ProvinceA.Id, Rumour);
        var seen = await VersionAsync(app, id);

        using (var ok = await EditAsync(app, first, id, "False", "Lý do của người thứ nhất", version: seen))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var stale = await EditAsync(app, second, id, "True", "Lý do của người thứ hai", version: seen);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Người khác vừa lưu tin này", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var claim = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == id));
        Assert.Equal(Verdict.False, claim.Verdict);
        Assert.Equal("Lý do của người thứ nhất", claim.Reasoning);
        Assert.Equal(seen + 1, claim.Version);
    }

    [Theory, Providers]
    public async Task Two_simultaneous_edits_of_one_version_save_exactly_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var first = await EditorAsync(app, app.Tree.ProvinceA, "mot@claims.vn");
        using var second = await EditorAsync(app, app.Tree.ProvinceA, "hai@claims.vn");
        var id = await CreateAsync(first, app.Tree.ProvinceA.Id, Rumour);
        var seen = await VersionAsync(app, id);

        var responses = await Task.WhenAll(
            EditAsync(app, first, id, "False", "Lý do A", version: seen),
            EditAsync(app, second, id, "True", "Lý do B", version: seen));
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var claim = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == id));
        Assert.Equal(seen + 1, claim.Version);
        Assert.Equal(claim.Verdict == Verdict.False ? "Lý do A" : "Lý do B", claim.Reasoning);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == ClaimEditor.Actions.Edited)));
    }

    [Theory, Providers]
    public async Task Values_outside_the_fixed_scales_are_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(client, app.Tree.ProvinceA.Id, Rumour);
        foreach (var (verdict, status) in new[] { ("Bogus", "Open"), ("1", "Open"), ("false", "Open"), ("False", "Deleted"), ("False", "0") })
        {
            using var response = await EditAsync(app, client, id, verdict, "Lý do", status: status);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(status == "Open" ? "Kết luận: phải là một mức trong thang kết luận" : "Trạng thái: phải là một trạng thái có sẵn", html, StringComparison.Ordinal);
        }

        using (var publish = await PostAsync(client, id, "Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = S(await VersionAsync(app, id)) }))
        {
            Assert.Contains("cần có kết luận và lập luận trước khi công bố", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var empty = await client.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["unitId"] = S(app.Tree.ProvinceA.Id), ["text"] = "<b></b>  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Nội dung thông tin: không được để trống", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var claim = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == id));
        Assert.Null(claim.Verdict);
        Assert.Null(claim.PublishedAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Claims.CountAsync()));
    }

    [Theory, Providers]
    public async Task Claims_of_another_unit_answer_404_to_reads_and_every_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var owner = await EditorAsync(app, app.Tree.ProvinceA, "a@claims.vn");
        using var other = await EditorAsync(app, app.Tree.ProvinceB, "b@claims.vn");
        using var viewer = await EditorAsync(app, app.Tree.ProvinceA, "xem@claims.vn", Role.Viewer);
        var id = await CreateAsync(owner, app.Tree.CommuneA1.Id, Rumour);
        var version = S(await VersionAsync(app, id));

        using (var read = await other.GetAsync($"/Claims/Details?id={S(id)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        Assert.DoesNotContain(Rumour, await other.GetStringAsync("/Claims"), StringComparison.Ordinal);
        foreach (var (handler, fields) in new[]
        {
            ("Edit", new Dictionary<string, string> { ["text"] = "x y z w", ["verdict"] = "True", ["reasoning"] = "r", ["status"] = "Open", ["version"] = version }),
            ("Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = version }),
            ("Link", new Dictionary<string, string> { ["kind"] = "Url", ["target"] = "https://a.vn/" }),
            ("Evidence", new Dictionary<string, string> { ["evidenceKind"] = "OfficialData", ["evidenceTitle"] = "t" }),
            ("Decide", new Dictionary<string, string> { ["matchId"] = "1", ["confirm"] = "true" }),
        })
        {
            // The forms come from the member's own claims list page, which carries an antiforgery token.
            using var response = await other.PostFormAsync("/Claims/Create", new Dictionary<string, string>(fields) { ["id"] = S(id) }, $"/Claims/Details?id={S(id)}&handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var asViewer = await viewer.PostFormAsync("/Claims", new Dictionary<string, string>(fields) { ["id"] = S(id) }, $"/Claims/Details?id={S(id)}&handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, asViewer.StatusCode);
        }

        using (var create = await other.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["unitId"] = S(app.Tree.CommuneA1.Id), ["text"] = Rumour }))
        {
            Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        }

        using (var viewerPage = await viewer.GetAsync($"/Claims/Details?id={S(id)}"))
        {
            Assert.Equal(HttpStatusCode.OK, viewerPage.StatusCode);
            Assert.DoesNotContain("handler=Edit", await viewerPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var claim = await app.WithDbAsync(db => db.Claims.SingleAsync(c => c.Id == id));
        Assert.Equal(DuLuan.Analysis.Text.VietnameseNormalizer.Normalize(Rumour), claim.Text);
        Assert.Null(claim.PublishedAt);
        Assert.Equal(0, await app.WithDbAsync(db => db.ClaimLinks.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ClaimEvidence.CountAsync()));
    }

    [Theory, Providers]
    public async Task Only_http_links_and_records_in_scope_can_be_where_a_claim_appeared(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await CreateAsync(client, app.Tree.ProvinceA.Id, Rumour);
        var foreignFeed = await AddFeedAsync(app, app.Tree.ProvinceB.Id, "Báo Hà Nội");
        var foreignStory = await IngestAsync(app, foreignFeed, "hn-1", "Tin khác", "Một tin ở Hà Nội không liên quan.");

        foreach (var url in new[] { "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "/relative", "ftp://a.vn/x", " " })
        {
            using var link = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Url", ["target"] = url });
            Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
            using var evidence = await PostAsync(client, id, "Evidence", new Dictionary<string, string> { ["evidenceKind"] = "Link", ["evidenceTitle"] = "Văn bản", ["evidenceUrl"] = url });
            Assert.Equal(HttpStatusCode.BadRequest, evidence.StatusCode);
        }

        using (var forged = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Story", ["target"] = S(foreignStory) }))
        {
            Assert.Contains("không tìm thấy trong phạm vi của bạn", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var badKind = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Person", ["target"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        }

        using (var ok = await PostAsync(client, id, "Link", new Dictionary<string, string> { ["kind"] = "Url", ["target"] = "https://tinvit.example.vn/bai-viet?id=1", ["outlet"] = "Trang tin <i>X</i>" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var links = await app.WithDbAsync(db => db.ClaimLinks.ToListAsync());
        var only = Assert.Single(links);
        Assert.Equal("https://tinvit.example.vn/bai-viet?id=1", only.Url);
        Assert.Equal("Trang tin X", only.Outlet);
        Assert.Equal(0, await app.WithDbAsync(db => db.ClaimEvidence.CountAsync()));
    }

    [Theory, Providers]
    public async Task Evidence_documents_are_cleaned_and_public_ones_downloadable_once_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await PublishedClaimAsync(app, client, app.Tree.ProvinceA.Id);
        byte[] pdf = [.. "%PDF-1.4\n"u8, .. "1 0 obj\n<<>>\nendobj\n%%EOF"u8];
        await UploadAsync(client, id, "../../cong-van <b>.pdf", pdf, isPublic: true, HttpStatusCode.Redirect);
        await UploadAsync(client, id, "noi-bo.pdf", pdf, isPublic: false, HttpStatusCode.Redirect);
        await UploadAsync(client, id, "anh.png", "<svg onload=alert(1)>"u8.ToArray(), isPublic: true, HttpStatusCode.BadRequest);

        var files = await app.WithDbAsync(db => db.ClaimEvidence.OrderBy(e => e.Id).Select(e => new { e.Id, e.FileName, e.IsPublic }).ToListAsync());
        Assert.Equal(2, files.Count);
        Assert.Equal("cong-van b.pdf", files[0].FileName);
        using var anonymous = app.Client();
        // A public document is part of what the rebuttal says: withdrawn until a lead approves it again (RebuttalEvidenceApprovalTests).
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}/tai-lieu/{S(files[0].Id)}")).StatusCode);
        using (var approved = await PostAsync(await ApproverAsync(app), id, "Approve", new Dictionary<string, string> { ["version"] = S(await VersionAsync(app, id)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        using (var open = await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}/tai-lieu/{S(files[0].Id)}"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.Equal("application/pdf", open.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", open.Content.Headers.ContentDisposition?.DispositionType);
        }

        using (var hidden = await anonymous.GetAsync($"/cong/48/kiem-chung/{S(id)}/tai-lieu/{S(files[1].Id)}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var staff = await client.GetAsync($"/Claims/Evidence?id={S(files[1].Id)}"))
        {
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        }

        using (var anonymousStaffUrl = await anonymous.GetAsync($"/Claims/Evidence?id={S(files[1].Id)}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymousStaffUrl.StatusCode);
        }
    }

    private static async Task UploadAsync(TestClient client, long claimId, string name, byte[] content, bool isPublic, HttpStatusCode expected)
    {
        var html = await client.GetStringAsync($"/Claims/Details?id={S(claimId)}");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(S(claimId)), "id" },
            { new StringContent("Document"), "evidenceKind" },
            { new StringContent("Công văn"), "evidenceTitle" },
        };
        if (isPublic)
        {
            form.Add(new StringContent("true"), "evidencePublic");
        }

        form.Add(new ByteArrayContent(content), "evidenceFile", name);
        using var response = await client.Http.PostAsync($"/Claims/Details?id={S(claimId)}&handler=Evidence", form);
        Assert.Equal(expected, response.StatusCode);
    }
}
