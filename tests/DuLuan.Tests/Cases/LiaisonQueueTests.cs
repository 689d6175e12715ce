using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

public sealed class LiaisonQueueTests
{
    [Theory, Providers]
    public async Task A_liaison_sees_only_the_agency_queue_and_answers_with_the_agency_template(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lights = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        var hanoi = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        var lead = await app.AddMemberAsync("lead@sxd48.vn", lights, Role.Lead);
        await app.AddMemberAsync("lienlac@sxd48.vn", lights, Role.AgencyLiaison);
        var foreignLead = await app.AddMemberAsync("lead@sxd01.vn", hanoi, Role.Lead);
        var mine = await AddCaseAsync(app, app.Tree.CommuneA1.Id, lights.Id, "Đèn đường Nguyễn Lương Bằng");
        var theirs = await AddCaseAsync(app, app.Tree.CommuneB1.Id, hanoi.Id, "Đèn đường phố Kim Mã");

        using var leadClient = app.Client();
        await leadClient.SignInAdminAsync(lead);
        var templates = $"/Cases/Templates?agencyId={lights.Id}";
        using var tooShort = await leadClient.PostFormAsync(templates, new Dictionary<string, string> { ["agencyId"] = S(lights.Id), ["Title"] = "x", ["Body"] = "ngắn" });
        Assert.Contains("Tên mẫu phải dài từ", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var added = await leadClient.PostFormAsync(templates, new Dictionary<string, string>
        {
            ["agencyId"] = S(lights.Id),
            ["Title"] = "Đã sửa đèn",
            ["Body"] = "Cơ quan đã cử tổ kỹ thuật thay bóng đèn, hệ thống đã hoạt động lại.",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var template = await app.WithDbAsync(db => db.AnswerTemplates.SingleAsync());

        using var foreignClient = app.Client();
        await foreignClient.SignInAdminAsync(foreignLead);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignClient.GetAsync(templates)).StatusCode);
        using var foreignTemplate = await foreignClient.PostFormAsync($"/Cases/Templates?agencyId={hanoi.Id}", new Dictionary<string, string>
        {
            ["agencyId"] = S(hanoi.Id),
            ["Title"] = "Mẫu Hà Nội",
            ["Body"] = "Nội dung mẫu của Sở Xây dựng Hà Nội.",
        });
        var foreignTemplateId = await app.WithDbAsync(db => db.AnswerTemplates.Where(t => t.AgencyId == hanoi.Id).Select(t => t.Id).SingleAsync());
        // Removing another agency's template through one's own agency page is not found, and nothing is removed.
        using var crossRemove = await leadClient.PostFormAsync(templates, new Dictionary<string, string> { ["agencyId"] = S(lights.Id), ["templateId"] = S(foreignTemplateId) }, $"/Cases/Templates?handler=Remove&agencyId={lights.Id}");
        Assert.Equal(HttpStatusCode.NotFound, crossRemove.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync()));

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(templates)).StatusCode);
        var queue = await liaison.GetStringAsync("/Cases/Queue");
        Assert.Contains("Đèn đường Nguyễn Lương Bằng", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Mã", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Cases/Respond?id={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync("/Cases/Respond?id=999999")).StatusCode);

        var respond = $"/Cases/Respond?id={mine.Id}";
        var answer = $"/Cases/Respond?handler=Answer&id={mine.Id}";
        using var wrongTemplate = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["templateId"] = S(foreignTemplateId) }, answer);
        Assert.Contains("không thuộc cơ quan này", await wrongTemplate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["answer"] = "<b></b>" }, answer);
        Assert.Contains("Vui lòng nhập nội dung trả lời", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var started = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0" }, $"/Cases/Respond?handler=Start&id={mine.Id}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using var stale = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["templateId"] = S(template.Id) }, answer);
        Assert.Contains("Có người đã thay đổi vụ việc này", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == mine.Id).Select(c => c.Answer).SingleAsync()));

        // Someone else's case through a forged id on one's own page: not found, and it stays unanswered.
        using var forged = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["answer"] = "Trả lời giả." }, $"/Cases/Respond?handler=Answer&id={theirs.Id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        using var answered = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "1", ["templateId"] = S(template.Id) }, answer);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var after = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == mine.Id));
        Assert.Equal(CaseStatus.Answered, after.Status);
        Assert.Equal(template.Body, after.Answer);
        Assert.Equal(CaseStatus.Assigned, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == theirs.Id).Select(c => c.Status).SingleAsync()));
        Assert.Contains(template.Body, await app.Client().GetStringAsync($"/vu-viec/{mine.PublicRef}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Lương Bằng", await liaison.GetStringAsync("/Cases/Queue"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_reroute_request_is_refused_with_a_reason_then_accepted_and_the_history_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        var second = await AddAgencyAsync(app, app.Tree.ProvinceA, "Công ty Chiếu sáng đô thị");
        var outside = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        await app.AddMemberAsync("lienlac@sxd48.vn", first, Role.AgencyLiaison);
        await app.AddMemberAsync("lienlac@cs48.vn", second, Role.AgencyLiaison);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, first.Id);

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        var respond = $"/Cases/Respond?id={item.Id}";
        var reroute = $"/Cases/Respond?handler=Reroute&id={item.Id}";
        using var noReason = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["reason"] = "  " }, reroute);
        Assert.Contains("phải ghi rõ lý do", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var asked = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "0", ["reason"] = "Đèn đường do Công ty Chiếu sáng quản lý." }, reroute);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        using var again = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "1", ["reason"] = "Hỏi lại lần nữa cho chắc." }, reroute);
        Assert.Contains("đã có đề nghị chuyển đang chờ", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Công ty Chiếu sáng quản lý", await app.Client().GetStringAsync($"/vu-viec/{item.Id}"), StringComparison.Ordinal);

        using var office = app.Client();
        await office.SignInOkAsync("editor@48.vn");
        var details = $"/Cases/Details?id={item.Id}";
        var decide = $"/Cases/Details?handler=Reroute&id={item.Id}";
        var page = await office.GetStringAsync(details);
        Assert.Contains("Công ty Chiếu sáng quản lý", page, StringComparison.Ordinal);
        var requestId = await app.WithDbAsync(db => db.RerouteRequests.Select(r => r.Id).SingleAsync());
        using var refuseSilently = await office.PostFormAsync(details, new Dictionary<string, string> { ["version"] = "1", ["requestId"] = S(requestId), ["accept"] = "false" }, decide);
        Assert.Contains("Lý do không đồng ý", await refuseSilently.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refused = await office.PostFormAsync(details, new Dictionary<string, string> { ["version"] = "1", ["requestId"] = S(requestId), ["accept"] = "false", ["note"] = "Tuyến đường này do Sở trực tiếp quản lý." }, decide);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(first.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == item.Id).Select(c => c.AgencyId).SingleAsync()));

        using var askedAgain = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["version"] = "2", ["reason"] = "Hợp đồng bảo trì đã chuyển cho Công ty Chiếu sáng." }, reroute);
        Assert.Equal(HttpStatusCode.Redirect, askedAgain.StatusCode);
        var second2 = await app.WithDbAsync(db => db.RerouteRequests.Where(r => r.Decision == RerouteDecision.Pending).Select(r => r.Id).SingleAsync());
        using var toOutside = await office.PostFormAsync(details, new Dictionary<string, string> { ["version"] = "3", ["requestId"] = S(second2), ["accept"] = "true", ["agencyId"] = S(outside.Id) }, decide);
        Assert.Contains("ngoài phạm vi", await toOutside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var staleDecision = await office.PostFormAsync(details, new Dictionary<string, string> { ["version"] = "2", ["requestId"] = S(second2), ["accept"] = "true", ["agencyId"] = S(second.Id) }, decide);
        Assert.Contains("Có người đã thay đổi vụ việc này", await staleDecision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var accepted = await office.PostFormAsync(details, new Dictionary<string, string> { ["version"] = "3", ["requestId"] = S(second2), ["accept"] = "true", ["agencyId"] = S(second.Id) }, decide);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        Assert.Equal(second.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == item.Id).Select(c => c.AgencyId).SingleAsync()));
        var history = await app.WithDbAsync(db => db.RerouteRequests.OrderBy(r => r.Id).Select(r => new { r.Decision, r.ToAgencyId, r.DecisionNote }).ToListAsync());
        Assert.Equal([RerouteDecision.Refused, RerouteDecision.Accepted], history.Select(h => h.Decision));
        Assert.Equal(second.Id, history[1].ToAgencyId);
        Assert.Equal("Tuyến đường này do Sở trực tiếp quản lý.", history[0].DecisionNote);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(respond)).StatusCode);
        using var next = app.Client();
        await next.SignInOkAsync("lienlac@cs48.vn");
        Assert.Contains($"/Cases/Respond?id={item.Id}", await next.GetStringAsync("/Cases/Queue"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UnitId == second.Id)));
    }

    [Theory, Providers]
    public async Task Internal_notes_are_redacted_shared_by_office_and_agency_and_never_public(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        await app.AddMemberAsync("lienlac@sxd48.vn", agency, Role.AgencyLiaison);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id);

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        var respond = $"/Cases/Respond?id={item.Id}";
        using var blank = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["text"] = "<p> </p>" }, $"/Cases/Respond?handler=Note&id={item.Id}");
        Assert.Contains("Vui lòng nhập nội dung ghi chú", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tooLong = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["text"] = new string('a', 2001) }, $"/Cases/Respond?handler=Note&id={item.Id}");
        Assert.Contains("Nội dung quá dài", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noted = await liaison.PostFormAsync(respond, new Dictionary<string, string> { ["text"] = "Đã cử tổ kỹ thuật kiểm tra, gọi anh tổ trưởng 0905 111 222 <script>x</script>." }, $"/Cases/Respond?handler=Note&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var note = await app.WithDbAsync(db => db.CaseNotes.SingleAsync());
        Assert.DoesNotContain("0905", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", note.Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã cử tổ kỹ thuật kiểm tra", note.Text, StringComparison.Ordinal);

        using var office = app.Client();
        await office.SignInOkAsync("editor@48.vn");
        Assert.Contains("Đã cử tổ kỹ thuật kiểm tra", await office.GetStringAsync($"/Cases/Details?id={item.Id}"), StringComparison.Ordinal);
        using var officeNote = await office.PostFormAsync($"/Cases/Details?id={item.Id}", new Dictionary<string, string> { ["text"] = "Văn phòng đề nghị báo cáo trước thứ Sáu." }, $"/Cases/Details?handler=Note&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, officeNote.StatusCode);
        Assert.Contains("Văn phòng đề nghị báo cáo", await liaison.GetStringAsync(respond), StringComparison.Ordinal);

        var publicPage = await app.Client().GetStringAsync($"/vu-viec/{item.Id}");
        Assert.DoesNotContain("tổ kỹ thuật kiểm tra", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng đề nghị", publicPage, StringComparison.Ordinal);

        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        var own = await AddCaseAsync(app, app.Tree.CommuneB1.Id, null, status: CaseStatus.New);
        using var foreignNote = await other.PostFormAsync($"/Cases/Details?id={own.Id}", new Dictionary<string, string> { ["text"] = "Ghi chú lạ." }, $"/Cases/Details?handler=Note&id={item.Id}");
        Assert.Equal(HttpStatusCode.NotFound, foreignNote.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseNotes.CountAsync()));
    }
}
