using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Opinions;
using DuLuan.Tests.Publish;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Units;

/// <summary>After its last active day a unit takes no new record, wherever one is filed, and the refusal names the successor.</summary>
public sealed class RetiredUnitTests
{
    private const string Refusal = "Xã Cũ đã sáp nhập vào Phường Hoà Khánh từ 15/08/2025; hãy chọn Phường Hoà Khánh";

    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Unit> MergedAsync(TestApp app)
    {
        var old = await Reorganise.PrepareAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.UnitSuccessions.Add(new UnitSuccession { UnitId = old.Id, SuccessorId = app.Tree.CommuneA1.Id, EffectiveOn = new DateOnly(2025, 8, 15) });
            await db.Units.Where(u => u.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTo, new DateOnly(2025, 8, 14)));
            return await db.SaveChangesAsync();
        });
        return old;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, Providers]
    public async Task Residents_and_staff_cannot_file_concerns_or_cases_under_a_merged_commune(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Concerns:MinimumFillSeconds"] = "0" });
        var old = await MergedAsync(app);
        var tree = app.Tree;

        // The portal: the page names the successor instead of the form; a forged post stores nothing.
        using var resident = app.Client();
        using var portal = await resident.GetAsync($"/cong/{old.Code}/phan-anh");
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        var portalHtml = await TextAsync(portal);
        Assert.Contains(Refusal, portalHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"concern-form\"", portalHtml, StringComparison.Ordinal);
        using var forged = await resident.PostFormAsync($"/cong/{tree.CommuneA1.Code}/phan-anh", new Dictionary<string, string> { ["Title"] = "Đèn đường hỏng", ["Description"] = "Đèn đường ở thôn 2 hỏng cả tuần nay." }, $"/cong/{old.Code}/phan-anh");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(Refusal, await TextAsync(forged), StringComparison.Ordinal);

        // Staff entry: not offered, and refused by name when posted.
        await app.AddMemberAsync("editor@a.vn", tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@a.vn");
        var enter = await editor.GetStringAsync("/Concerns/Enter");
        Assert.DoesNotContain($"<option value=\"{S(old.Id)}\"", enter, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{S(tree.CommuneA1.Id)}\"", enter, StringComparison.Ordinal);
        using var entered = await editor.PostFormAsync("/Concerns/Enter", new Dictionary<string, string> { ["UnitId"] = S(old.Id), ["Source"] = "Phone", ["Title"] = "Đèn đường hỏng", ["Description"] = "Đèn đường ở thôn 2 hỏng cả tuần nay." });
        Assert.Contains(Refusal, await TextAsync(entered), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        // A case from a concern received before the merge is not opened under the retired commune.
        var concernId = await app.WithDbAsync(async db =>
        {
            var c = new Concern { UnitId = old.Id, Title = "Đường hỏng", Description = "Đường liên thôn hỏng nặng.", Source = ConcernSource.Phone, Status = ConcernStatus.New, DedupKey = "old-1", ReceivedAt = new DateTime(2025, 8, 1, 3, 0, 0, DateTimeKind.Utc) };
            db.Concerns.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        using var kase = await editor.PostFormAsync($"/Cases/Create?concernId={S(concernId)}", new Dictionary<string, string> { ["ConcernId"] = S(concernId), ["Title"] = "Đường hỏng", ["Description"] = "Đường liên thôn hỏng nặng.", ["Severity"] = "Normal" });
        Assert.Equal(HttpStatusCode.BadRequest, kase.StatusCode);
        Assert.Contains(Refusal, await TextAsync(kase), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));

        // The successor still takes concerns.
        using var ok = await editor.PostFormAsync("/Concerns/Enter", new Dictionary<string, string> { ["UnitId"] = S(tree.CommuneA1.Id), ["Source"] = "Phone", ["Title"] = "Đèn đường hỏng", ["Description"] = "Đèn đường ở thôn 2 hỏng cả tuần nay." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Theory, Providers]
    public async Task Opinion_reports_posts_surveys_and_claims_refuse_a_merged_commune_by_name(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var old = await MergedAsync(app);
        var tree = app.Tree;

        await app.AddMemberAsync("ctv@a.vn", tree.ProvinceA, Role.Collaborator);
        using var ctv = app.Client();
        await ctv.SignInOkAsync("ctv@a.vn");
        var index = await ctv.GetStringAsync("/Opinions");
        Assert.DoesNotContain($"unitId={S(old.Id)}", index, StringComparison.Ordinal);
        Assert.Contains($"unitId={S(tree.CommuneA1.Id)}", index, StringComparison.Ordinal);
        var form = await OpinionForm.OpenAsync(ctv, old.Id);
        using var filed = await OpinionForm.PostAsync(ctv, old.Id, form, OpinionForm.Stream(0));
        Assert.Equal(HttpStatusCode.BadRequest, filed.StatusCode);
        Assert.Contains(Refusal, await TextAsync(filed), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));

        await app.AddMemberAsync("editor@a.vn", tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@a.vn");
        Assert.DoesNotContain($"<option value=\"{S(old.Id)}\"", await editor.GetStringAsync("/Publish/Posts/Create"), StringComparison.Ordinal);
        using var post = await PublishFixture.PostMultipartAsync(editor, "/Publish/Posts/Create", old.Id, "Thông báo lịch tiếp dân", "<p>Lịch tiếp dân tháng này.</p>");
        Assert.Contains(Refusal, await TextAsync(post), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Posts.CountAsync()));

        using var survey = await editor.PostFormAsync("/Surveys/Create", new Dictionary<string, string> { ["TitleVi"] = "Khảo sát dịch vụ", ["TitleEn"] = "Service survey", ["UnitId"] = S(old.Id) });
        Assert.Contains(Refusal, await TextAsync(survey), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Surveys.CountAsync()));

        Assert.DoesNotContain($"<option value=\"{S(old.Id)}\"", await editor.GetStringAsync("/Claims/Create"), StringComparison.Ordinal);
        using var claim = await editor.PostFormAsync("/Claims/Create", new Dictionary<string, string> { ["unitId"] = S(old.Id), ["text"] = "Tin đồn xã bị giải thể hết cán bộ" });
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Contains(Refusal, await TextAsync(claim), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync()));

        // A split names every successor; a unit ended without a successor says so.
        var message = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.UnitSuccessions.Add(new UnitSuccession { UnitId = tree.CommuneA2.Id, SuccessorId = tree.CommuneA1.Id, EffectiveOn = new DateOnly(2025, 7, 1) });
            db.UnitSuccessions.Add(new UnitSuccession { UnitId = tree.CommuneA2.Id, SuccessorId = old.Id, EffectiveOn = new DateOnly(2025, 7, 1) });
            await db.SaveChangesAsync();
            await db.Units.Where(u => u.Id == tree.CommuneA2.Id || u.Id == tree.AgencyA1.Id).ExecuteUpdateAsync(x => x.SetProperty(u => u.ActiveTo, new DateOnly(2025, 6, 30)));
            var activity = s.GetRequiredService<UnitActivity>();
            return (await activity.RefusalAsync(tree.CommuneA2.Id, CancellationToken.None), await activity.RefusalAsync(tree.AgencyA1.Id, CancellationToken.None), await activity.RefusalAsync(tree.CommuneA1.Id, CancellationToken.None));
        });
        Assert.StartsWith("Phường Hải Vân đã được chia vào Phường Hoà Khánh, Xã Cũ từ 01/07/2025", message.Item1, StringComparison.Ordinal);
        Assert.StartsWith("Tổ dân vận đã ngừng hoạt động từ 01/07/2025", message.Item2, StringComparison.Ordinal);
        Assert.Null(message.Item3);
    }
}
