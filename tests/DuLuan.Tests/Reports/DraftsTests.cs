using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Reports;

public sealed partial class DraftsTests
{
    internal static async Task<TestClient> EditorAsync(TestApp app, string email, DuLuan.Features.Units.Unit unit, Role role = Role.Editor)
    {
        await app.AddMemberAsync(email, unit, role);
        var client = app.Client();
        await client.SignInOkAsync(email);
        return client;
    }

    internal static async Task<long> CreateDraftAsync(TestClient client, long unitId, string layout, string period = "2026-Q3")
    {
        var page = $"/Reports/Drafts/Create?unit={unitId}&period={period}";
        using var response = await client.PostFormAsync(page, new Dictionary<string, string> { ["unit"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["period"] = period, ["layout"] = layout });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(DraftId().Match(response.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory, Providers]
    public async Task Staff_create_edit_and_download_a_draft_as_DOCX_and_PDF(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, "bientap@duluan.test", app.Tree.ProvinceA);
        var form = await client.GetStringAsync($"/Reports/Drafts/Create?unit={app.Tree.CommuneA1.Id}&period=2026-Q3");
        Assert.Contains("quý III năm 2026", form, StringComparison.Ordinal);
        var id = await CreateDraftAsync(client, app.Tree.CommuneA1.Id, "party");

        var edit = await client.GetStringAsync($"/Reports/Drafts/Edit?id={id}");
        Assert.Contains("Phường Hoà Khánh", edit, StringComparison.Ordinal);
        var sections = SectionCount().Count(edit);
        Assert.True(sections > 0);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("version", "0"), new("subtitle", "Sơ kết công tác quý III"),
            new("opening", "Đoạn mở đầu do cán bộ viết lại.\n\nĐoạn thứ hai."), new("closing", "Trên đây là báo cáo./."),
        };
        fields.AddRange(Enumerable.Range(0, sections).Select(i => new KeyValuePair<string, string>("sections", i == 0 ? "Nhận xét riêng của phường về mục đầu." : "Không có gì thêm.")));
        using (var saved = await PostAsync(client, $"/Reports/Drafts/Edit?id={id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var docxResponse = await client.GetAsync($"/Reports/Drafts/Download?id={id}&format=docx");
        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxResponse.Content.Headers.ContentType!.MediaType);
        var docx = await docxResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        DocxInspect.AssertValid(docx);
        DocxInspect.AssertLayout(docx);
        var text = DocxInspect.BodyText(docx);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Sơ kết công tác quý III", text, StringComparison.Ordinal);
        Assert.Contains("Nhận xét riêng của phường về mục đầu.", text, StringComparison.Ordinal);
        Assert.Contains("Đoạn thứ hai.", text, StringComparison.Ordinal);

        using var pdfResponse = await client.GetAsync($"/Reports/Drafts/Download?id={id}&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        var pdf = DocxInspect.PdfText(await pdfResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Nhận xét riêng của phường về mục đầu.", pdf, StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"draft {id}").Select(a => a.Action).ToListAsync());
        Assert.Contains("reports.draft-created", audit);
        Assert.Contains("reports.draft-edited", audit);
        Assert.Equal(2, audit.Count(a => a == "data.exported"));
    }

    [Theory, Providers]
    public async Task Units_and_drafts_outside_the_members_subtree_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var owner = await EditorAsync(app, "a@duluan.test", app.Tree.ProvinceA);
        var id = await CreateDraftAsync(owner, app.Tree.CommuneA1.Id, "state");
        using var other = await EditorAsync(app, "b@duluan.test", app.Tree.ProvinceB);
        using var viewer = await EditorAsync(app, "v@duluan.test", app.Tree.ProvinceA, Role.Viewer);
        foreach (var client in new[] { other, viewer })
        {
            using var create = await client.GetAsync($"/Reports/Drafts/Create?unit={app.Tree.CommuneA1.Id}&period=2026-Q3");
            Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
            using var edit = await client.GetAsync($"/Reports/Drafts/Edit?id={id}");
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            using var download = await client.GetAsync($"/Reports/Drafts/Download?id={id}&format=docx");
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
            using var templates = await client.GetAsync($"/Reports/Templates?unit={app.Tree.CommuneA1.Id}");
            Assert.Equal(HttpStatusCode.NotFound, templates.StatusCode);
        }

        using var missing = await owner.GetAsync("/Reports/Drafts/Edit?id=999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = app.Client();
        using var signedOut = await anonymous.GetAsync($"/Reports/Drafts/Download?id={id}&format=docx");
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    [Theory, Providers]
    public async Task Hostile_input_is_refused_with_a_reason_and_nothing_half_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = await EditorAsync(app, "h@duluan.test", app.Tree.ProvinceA);
        foreach (var period in new[] { "2026-Q9", "abc", "1800", "2026-Q3' OR 1=1--" })
        {
            using var bad = await client.GetAsync($"/Reports/Drafts/Create?unit={app.Tree.CommuneA1.Id}&period={Uri.EscapeDataString(period)}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("role=\"alert\"", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var page = $"/Reports/Drafts/Create?unit={app.Tree.CommuneA1.Id}&period=2026-Q3";
        foreach (var layout in new[] { "evil", "template:999", "template:-1", "" })
        {
            using var bad = await client.PostFormAsync(page, new Dictionary<string, string> { ["unit"] = app.Tree.CommuneA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["period"] = "2026-Q3", ["layout"] = layout });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.ReportDrafts.CountAsync()));
        var id = await CreateDraftAsync(client, app.Tree.CommuneA1.Id, "state");
        using (var format = await client.GetAsync($"/Reports/Drafts/Download?id={id}&format=exe"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        }

        var before = await app.WithDbAsync(db => db.ReportDrafts.Select(d => d.TextJson).SingleAsync());
        var edit = $"/Reports/Drafts/Edit?id={id}";
        List<KeyValuePair<string, string>> Fields(string version, string subtitle, string opening) =>
            [new("id", $"{id}"), new("version", version), new("subtitle", subtitle), new("opening", opening), new("closing", "y")];
        var cases = new[] { Fields("0", "", "x"), Fields("0", "ok", new string('a', 5000)), Fields("7", "ok", "x") };
        foreach (var fields in cases)
        {
            using var bad = await PostAsync(client, edit, fields);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.ReportDrafts.Select(d => d.TextJson).SingleAsync()));
    }

    internal static async Task<HttpResponseMessage> PostAsync(TestClient client, string page, List<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html).Groups[1].Value;
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        return await client.Http.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"Edit\?id=(\d+)")]
    private static partial Regex DraftId();

    [GeneratedRegex("name=\"sections\"")]
    private static partial Regex SectionCount();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
