using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class CaseWorkflowTests
{
    private const string Text = "Rác thải tồn đọng nhiều ngày ở chợ Hoà Khánh, mùi hôi ảnh hưởng các hộ kinh doanh xung quanh.";

    private static Task<IntakeResult> SubmitAsync(TestApp app, long unitId, string title, string text, Contact? contact = null)
        => app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(new ConcernDraft(unitId, title, text, contact ?? new Contact(null, null), ConcernSource.Staff)));

    private static Task<Unit> AddAgencyAsync(TestApp app, Unit parent, string name)
        => app.WithScopeAsync(async s =>
        {
            var tracked = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == parent.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(tracked, name, UnitKind.Agency, null);
        });

    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory, Providers]
    public async Task A_case_opened_from_a_concern_gets_a_working_day_deadline_and_a_guarded_workflow(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Tài nguyên và Môi trường");
        var foreignAgency = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        var concern = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Rác thải ở chợ Hoà Khánh", Text);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var createPage = $"/Cases/Create?concernId={concern.ConcernId}";

        // Mass assignment of an agency outside the editor's scope is refused.
        using var foreign = await editor.PostFormAsync(createPage, new Dictionary<string, string>
        {
            ["ConcernId"] = S(concern.ConcernId),
            ["Title"] = "Rác ở chợ",
            ["Description"] = Text,
            ["Severity"] = "Normal",
            ["AgencyId"] = S(foreignAgency.Id),
        });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("ngoài phạm vi", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badSeverity = await editor.PostFormAsync(createPage, new Dictionary<string, string>
        {
            ["ConcernId"] = S(concern.ConcernId),
            ["Title"] = "Rác ở chợ",
            ["Description"] = Text,
            ["Severity"] = "99",
        });
        Assert.Equal(HttpStatusCode.OK, badSeverity.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));

        using var created = await editor.PostFormAsync(createPage, new Dictionary<string, string>
        {
            ["ConcernId"] = S(concern.ConcernId),
            ["Title"] = "Rác ở chợ Hoà Khánh",
            ["Description"] = Text + " Gọi 0905 222 333.",
            ["Severity"] = "Normal",
            ["AgencyId"] = S(agency.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var item = await app.WithDbAsync(db => db.Cases.SingleAsync());
        var received = await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == concern.ConcernId).Select(c => c.ReceivedAt).SingleAsync());
        var expected = await app.WithScopeAsync(async s => (await s.GetRequiredService<Holidays>().CalendarAsync()).AddWorkingDays(received, 5));
        Assert.Equal(expected, item.DueAt);
        Assert.Equal(CaseStatus.Assigned, item.Status);
        Assert.DoesNotContain("0905", item.Description, StringComparison.Ordinal);
        Assert.Equal(item.Id, await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == concern.ConcernId).Select(c => c.CaseId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(createPage)).StatusCode);

        var details = $"/Cases/Details?id={item.Id}";
        var move = $"/Cases/Details?handler=Move&id={item.Id}";
        using var moved = await editor.PostFormAsync(details, new Dictionary<string, string> { ["status"] = "InProgress", ["version"] = "0" }, move);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using var stale = await editor.PostFormAsync(details, new Dictionary<string, string> { ["status"] = "Answered", ["answer"] = "Đã thu gom.", ["version"] = "0" }, move);
        Assert.Contains("Có người đã thay đổi vụ việc này, hãy tải lại", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noReason = await editor.PostFormAsync(details, new Dictionary<string, string> { ["status"] = "Rejected", ["version"] = "1" }, move);
        Assert.Contains("phải ghi rõ lý do", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var skip = await editor.PostFormAsync(details, new Dictionary<string, string> { ["status"] = "Closed", ["version"] = "1" }, move);
        Assert.Contains("Không thể chuyển", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var answered = await editor.PostFormAsync(details, new Dictionary<string, string> { ["status"] = "Answered", ["answer"] = "Đã thu gom <script>x</script>xong.", ["version"] = "1" }, move);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var after = await app.WithDbAsync(db => db.Cases.SingleAsync());
        Assert.Equal(CaseStatus.Answered, after.Status);
        Assert.Equal("Đã thu gom xong.", after.Answer);
        var history = await app.WithDbAsync(db => db.CaseEvents.OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        Assert.Equal([CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Answered], history);

        // Another province's editor finds nothing: ids leak nothing.
        using var other = app.Client();
        await other.SignInOkAsync("editor@01.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(details)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(createPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Concerns/Details?id={concern.ConcernId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Cases/Details?id=999999")).StatusCode);
    }

    [Theory, Providers]
    public async Task A_similar_concern_points_at_the_open_case_and_joins_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var first = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Rác thải ở chợ Hoà Khánh", Text);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        using var created = await editor.PostFormAsync($"/Cases/Create?concernId={first.ConcernId}", new Dictionary<string, string>
        {
            ["ConcernId"] = S(first.ConcernId),
            ["Title"] = "Rác thải ở chợ Hoà Khánh",
            ["Description"] = Text,
            ["Severity"] = "Urgent",
        });
        var caseId = await app.WithDbAsync(db => db.Cases.Select(c => c.Id).SingleAsync());

        var similar = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Chợ Hoà Khánh nhiều rác", "Rác thải tồn đọng ở chợ Hoà Khánh, mùi hôi ảnh hưởng các hộ xung quanh.");
        var unrelated = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Đèn đường hỏng", "Đèn đường trên đường ven biển tắt cả tuần nay.");
        var elsewhere = await SubmitAsync(app, app.Tree.CommuneA2.Id, "Rác thải ở chợ Hoà Khánh", Text);
        Assert.Equal(caseId, similar.Similar?.CaseId);
        Assert.Null(unrelated.Similar);
        Assert.Null(elsewhere.Similar);

        var page = await editor.GetStringAsync($"/Concerns/Details?id={similar.ConcernId}");
        Assert.Contains($"Giống vụ việc #{caseId}", page, StringComparison.Ordinal);
        using var joined = await editor.PostFormAsync($"/Concerns/Details?id={similar.ConcernId}",
            new Dictionary<string, string> { ["caseId"] = S(caseId) }, $"/Concerns/Details?handler=Join&id={similar.ConcernId}");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        using var wrongCase = await editor.PostFormAsync($"/Concerns/Details?id={unrelated.ConcernId}",
            new Dictionary<string, string> { ["caseId"] = "999999" }, $"/Concerns/Details?handler=Join&id={unrelated.ConcernId}");
        Assert.Contains("Không tìm thấy vụ việc", await wrongCase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var statuses = await app.WithDbAsync(db => db.Concerns.OrderBy(c => c.Id).Select(c => new { c.Status, c.CaseId }).ToListAsync());
        Assert.Equal(ConcernStatus.Linked, statuses[1].Status);
        Assert.Equal(caseId, statuses[1].CaseId);
        Assert.Null(statuses[2].CaseId);
    }

    [Theory, Providers]
    public async Task Contacts_are_purged_on_schedule(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        var contact = new Contact("dan@example.vn", null);
        var closedLong = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Vụ đã đóng lâu", "Nội dung vụ việc đã đóng từ lâu.", contact);
        var closedRecent = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Vụ vừa đóng", "Nội dung vụ việc vừa đóng hôm qua.", contact);
        var openCase = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Vụ đang mở", "Nội dung vụ việc vẫn đang xử lý.", contact);
        var unlinked = await SubmitAsync(app, app.Tree.CommuneA1.Id, "Chưa vào vụ nào", "Phản ánh chưa được gộp vào vụ việc nào.", contact);
        var now = clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            Case Make(CaseStatus status, DateTime? closedAt) => new() { UnitId = app.Tree.CommuneA1.Id, Title = "Vụ", Description = "Nội dung", Status = status, CreatedAt = now.AddDays(-60), ClosedAt = closedAt };
            var a = Make(CaseStatus.Closed, now.AddDays(-31));
            var b = Make(CaseStatus.Closed, now.AddDays(-1));
            var c = Make(CaseStatus.InProgress, null);
            db.Cases.AddRange(a, b, c);
            await db.SaveChangesAsync();
            foreach (var (concernId, caseId) in new[] { (closedLong.ConcernId, a.Id), (closedRecent.ConcernId, b.Id), (openCase.ConcernId, c.Id) })
            {
                var row = await db.Concerns.SingleAsync(x => x.Id == concernId);
                row.CaseId = caseId;
            }

            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<ContactPurge>().PurgeAsync()));
        clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(2, await app.WithScopeAsync(s => s.GetRequiredService<ContactPurge>().PurgeAsync()));
        var kept = await app.WithDbAsync(db => db.Concerns.Where(c => c.ContactProtected != null).Select(c => c.Id).ToListAsync());
        Assert.Equal([openCase.ConcernId], kept);
        Assert.Equal(3, await app.WithDbAsync(db => db.Concerns.CountAsync(c => c.ContactPurgedAt != null)));
    }
}
