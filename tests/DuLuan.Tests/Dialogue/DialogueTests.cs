using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Dialogue;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Bulletins;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Dialogue;

/// <summary>
/// A dialogue with residents end to end over HTTP: a resident's anonymous question on the place's site, grouping of
/// near-duplicates, an agency's draft answer, the lead's approval, the session held, a commitment that becomes a case,
/// the answers published; then the report's figures and the bulletin source.
/// </summary>
public sealed partial class DialogueTests
{
    private const string Official = "Chủ tịch UBND phường Hoà Khánh: Trần Văn Minh";
    private const string Asked = "Tôi là Nguyễn Văn An, số điện thoại 0905123456. Đèn đường trên tuyến Nguyễn Lương Bằng hỏng nhiều tuần, bao giờ được sửa?";
    private const string AskedAgain = "Đèn đường trên tuyến Nguyễn Lương Bằng hỏng nhiều tuần rồi, bao giờ thì được sửa?";

    private static string S(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<Unit> AddAgencyAsync(TestApp app, Unit parent, string name)
        => app.WithScopeAsync(async s =>
        {
            var tracked = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == parent.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(tracked, name, UnitKind.Agency, null);
        });

    [Theory, Providers]
    public async Task A_resident_question_is_grouped_answered_approved_published_and_its_commitment_becomes_a_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông vận tải");
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        var lead = await app.AddMemberAsync("lead@48.vn", app.Tree.ProvinceA, Role.Lead);
        await app.AddMemberAsync("liaison@sgtvt.vn", agency, Role.AgencyLiaison);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");

        var office = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<OfficeTime>()));
        var startsAt = office.Now.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        using var created = await editor.PostFormAsync("/Dialogue", new Dictionary<string, string>
        {
            ["UnitId"] = S(app.Tree.CommuneA1.Id),
            ["Title"] = "Đối thoại về chiếu sáng công cộng",
            ["StartsAt"] = startsAt,
            ["Channel"] = "Loudspeaker",
            ["Venue"] = "Đài truyền thanh phường",
            ["Officials"] = Official,
            ["Topics"] = "Đèn đường",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(IdPattern().Match(created.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);

        // Residents ask on the place's site, anonymously: the question is redacted and only the code's hash is kept.
        using var resident = app.Client();
        Assert.Contains($"href=\"/cong/20200/doi-thoai/{id}\"", await resident.GetStringAsync("/cong/20200/doi-thoai"), StringComparison.Ordinal);
        var page = $"/cong/20200/doi-thoai/{id}";
        var code = await AskAsync(resident, page, Asked);
        using (var neighbour = app.Client())
        {
            await AskAsync(neighbour, page, AskedAgain);
        }

        var stored = await app.WithDbAsync(db => db.DialogueQuestions.OrderBy(q => q.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain("0905123456", stored[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", stored[0].Text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Lương Bằng", stored[0].Text, StringComparison.Ordinal);
        Assert.NotNull(stored[0].FollowUpHash);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Target != null && a.Target.StartsWith("dialogue-question"))));

        // Staff group the near-duplicates and send the question to the agency.
        var details = $"/Dialogue/Details?id={id}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(details, new Dictionary<string, string>(), details + "&handler=Group")).StatusCode);
        stored = await app.WithDbAsync(db => db.DialogueQuestions.OrderBy(q => q.Id).ToListAsync());
        Assert.Null(stored[0].GroupId);
        Assert.Equal(stored[0].Id, stored[1].GroupId);
        Assert.Contains("+1 câu hỏi tương tự", WebUtility.HtmlDecode(await editor.GetStringAsync(details)), StringComparison.Ordinal);
        var pick = new Dictionary<string, string> { ["questionId"] = S(stored[0].Id), ["agencyId"] = S(agency.Id), ["position"] = "1" };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(details, pick, details + "&handler=Pick")).StatusCode);

        // The agency drafts the answer (the speaker must be one of the session's officials); the lead approves it.
        using var liaison = app.Client();
        await liaison.SignInOkAsync("liaison@sgtvt.vn");
        Assert.Contains("Nguyễn Lương Bằng", await liaison.GetStringAsync("/Dialogue/Answers"), StringComparison.Ordinal);
        var draft = new Dictionary<string, string> { ["questionId"] = S(stored[0].Id), ["answer"] = "Đơn vị sẽ thay 42 bộ đèn trong tháng này.", ["speaker"] = "Ông X: người ngoài" };
        Assert.Equal(HttpStatusCode.BadRequest, (await liaison.PostFormAsync("/Dialogue/Answers", draft)).StatusCode);
        // The officials are kept as written (public officials acting in office are not redacted), composed as Unicode NFC.
        var official = await app.WithDbAsync(db => db.DialogueSessions.Where(x => x.Id == id).Select(x => x.Officials).SingleAsync());
        Assert.Contains("Trần Văn Minh", official, StringComparison.Ordinal);
        draft["speaker"] = official;
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.PostFormAsync("/Dialogue/Answers", draft)).StatusCode);
        var approve = new Dictionary<string, string> { ["questionId"] = S(stored[0].Id) };
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostFormAsync(details, approve, details + "&handler=Approve")).StatusCode);
        using var leader = app.Client();
        await leader.SignInAdminAsync(lead);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(details, approve, details + "&handler=Approve")).StatusCode);
        Assert.Equal(QuestionStage.Approved, await app.WithDbAsync(db => db.DialogueQuestions.Where(q => q.Id == stored[0].Id).Select(q => q.Stage).SingleAsync()));
        Assert.Contains("Đơn vị sẽ thay 42 bộ đèn", await editor.GetStringAsync($"/Dialogue/RunSheet?id={id}"), StringComparison.Ordinal);

        // Not before its time; then held, a commitment becomes a case with its deadline, and the answers are published.
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFormAsync(details, new Dictionary<string, string>(), details + "&handler=Hold")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var session = await db.DialogueSessions.SingleAsync(s => s.Id == id);
            session.StartsAt = DateTime.UtcNow.AddHours(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(details, new Dictionary<string, string>(), details + "&handler=Hold")).StatusCode);
        var due = office.Today.AddDays(30);
        var commit = new Dictionary<string, string> { ["questionId"] = S(stored[0].Id), ["text"] = "Thay toàn bộ đèn hỏng trên tuyến Nguyễn Lương Bằng.", ["due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(details, commit, details + "&handler=Commit")).StatusCode);
        var commitment = await app.WithDbAsync(db => db.DialogueCommitments.SingleAsync());
        var opened = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == commitment.CaseId));
        Assert.Equal(app.Tree.CommuneA1.Id, opened.UnitId);
        Assert.Equal(agency.Id, opened.AgencyId);
        Assert.Equal(due, office.LocalDay(opened.DueAt!.Value));
        Assert.Contains("Thay toàn bộ đèn hỏng", opened.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(details, new Dictionary<string, string>(), details + "&handler=Publish")).StatusCode);

        var published = WebUtility.HtmlDecode(await resident.GetStringAsync(page));
        Assert.Contains("Đơn vị sẽ thay 42 bộ đèn trong tháng này.", published, StringComparison.Ordinal);
        Assert.Contains("2 lượt hỏi", published, StringComparison.Ordinal);
        Assert.Contains($"href=\"/vu-viec/{opened.PublicRef}\"", published, StringComparison.Ordinal);
        Assert.DoesNotContain("0905123456", published, StringComparison.Ordinal);
        var followed = await resident.PostFormAsync("/cong/20200/doi-thoai/theo-doi", new Dictionary<string, string> { ["code"] = code });
        Assert.Contains("id=\"question-answer\" lang=\"vi\">Đơn vị sẽ thay 42 bộ đèn", await followed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("dialogue.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(8, actions.Count);
        Assert.All(typeof(DialogueWorkflow.Actions).GetFields().Select(f => (string)f.GetValue(null)!).Where(a => a != DialogueWorkflow.Actions.QuestionAdded), a => Assert.Contains(a, actions));

        // The report counts the session, its questions, the commitment (not yet kept) and the bulletin reads the answer.
        await app.WithScopeAsync(async s =>
        {
            var section = s.GetServices<IReportSection>().Single(x => x.Key == ReportKeys.Sections.Dialogue);
            var unit = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == app.Tree.ProvinceA.Id);
            var today = office.Today;
            var current = ReportWindow.Of(today.AddDays(-7), today, office.Zone, DateTime.UtcNow);
            var previous = ReportWindow.Of(today.AddDays(-14), today.AddDays(-8), office.Zone, DateTime.UtcNow);
            var figures = (await section.ComputeAsync(new ReportSectionContext(unit, current, previous, new SumTally(), new SumTally(), k => k), CancellationToken.None)).Figures;
            Assert.Equal([1d, 2d, 1d, 0d], figures.Select(f => f.Value!.Value));
            var items = await s.GetServices<IBulletinSource>().Single(x => x.Kind == "dialogue").RecentAsync(unit.Id, DateTime.UtcNow.AddDays(-1), 10, CancellationToken.None);
            Assert.Equal($"/cong/20200/doi-thoai/{id}#q-{stored[0].Id}", Assert.Single(items).Link);
            return 0;
        });
    }

    [Theory, Providers]
    public async Task Hostile_questions_get_an_error_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await app.WithDbAsync(async db =>
        {
            var session = new DialogueSession { UnitId = app.Tree.CommuneA1.Id, Title = "Đối thoại", StartsAt = DateTime.UtcNow.AddDays(2), Officials = Official, CreatedBy = "test" };
            db.DialogueSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        using var resident = app.Client();
        var page = $"/cong/20200/doi-thoai/{id}";
        foreach (var (fields, expected) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Question"] = "   " }, "Câu hỏi: vui lòng nhập nội dung câu hỏi."),
            (new() { ["Question"] = "<b> </b>" }, "Câu hỏi: vui lòng nhập nội dung câu hỏi."),
            (new() { ["Question"] = new string('a', DialogueQuestion.MaxText + 1) }, "Câu hỏi: tối đa 1000 ký tự."),
            (new() { ["Question"] = "<script>alert(1)</script>Câu hỏi thật", ["Website"] = "http://spam.example" }, "Không gửi được câu hỏi."),
        })
        {
            using var response = await resident.PostFormAsync(page, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var raw = await response.Content.ReadAsStringAsync();
            Assert.Contains(expected, WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.DialogueQuestions.CountAsync()));
        // Another place's address, an unknown session, a wrong code: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/cong/01/doi-thoai/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/cong/20200/doi-thoai/999999")).StatusCode);
        using var wrong = await resident.PostFormAsync("/cong/20200/doi-thoai/theo-doi", new Dictionary<string, string> { ["code"] = "ABCD-EFGH-JKMN-PQRS" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    private static async Task<string> AskAsync(TestClient client, string page, string question)
    {
        using var sent = await client.PostFormAsync(page, new Dictionary<string, string> { ["Question"] = question });
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = CodePattern().Match(html);
        Assert.True(code.Success, html);
        return code.Groups[1].Value;
    }

    [GeneratedRegex(@"id=(\d+)")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"id=""question-code"">([A-Z0-9-]{19})<")]
    private static partial Regex CodePattern();
}
