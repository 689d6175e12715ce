using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

public sealed class NotificationMailTests
{
    private static Dictionary<string, string?> MailSettings(SmtpTestServer server) => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:From"] = "tiepnhan@danang.gov.vn",
        ["Mail:UseStartTls"] = "false",
    };

    [Theory, Providers]
    public async Task The_overdue_digest_goes_by_mail_once_per_lead_not_once_per_case(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, MailSettings(smtp), clock.Install());
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông vận tải");
        await app.AddMemberAsync("lead@sgtvt48.vn", agency, Role.Lead);
        await app.AddMemberAsync("lead@48.vn", app.Tree.ProvinceA, Role.Lead);
        await app.AddMemberAsync("viewer@sgtvt48.vn", agency, Role.Viewer);
        await app.AddMemberAsync("lead@01.vn", app.Tree.ProvinceB, Role.Lead);
        var start = clock.GetUtcNow().UtcDateTime;
        for (var i = 1; i <= 3; i++)
        {
            await AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id, $"Ổ gà đường số {i}", createdAt: start);
        }

        clock.Advance(TimeSpan.FromDays(8));
        var result = await app.WithScopeAsync(s => s.GetRequiredService<EscalationSweep>().RunAsync());
        Assert.Equal(3, result.Flagged);
        Assert.Equal(2, result.Mails);
        var mails = smtp.Messages;
        Assert.Equal(2, mails.Count);
        Assert.Equal(["lead@48.vn", "lead@sgtvt48.vn"], mails.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        var agencyMail = mails.Single(m => m.To.Contains("lead@sgtvt48.vn"));
        Assert.Equal("3 vụ việc quá hạn xử lý", agencyMail.Subject);
        Assert.Contains("Sở Giao thông vận tải: 3 vụ việc quá hạn", agencyMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ổ gà đường số 2", agencyMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thành phố Đà Nẵng: 3 vụ việc quá hạn", mails.Single(m => m.To.Contains("lead@48.vn")).TextBody, StringComparison.Ordinal);

        // Nothing new is overdue: no second digest.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await app.WithScopeAsync(s => s.GetRequiredService<EscalationSweep>().RunAsync())).Mails);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Theory, Providers]
    public async Task A_resident_who_left_an_e_mail_receives_the_answer_and_the_read_is_audited(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await TestApp.StartAsync(provider, MailSettings(smtp));
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        await app.AddMemberAsync("lienlac@sxd48.vn", agency, Role.AgencyLiaison);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id);
        async Task<long> ConcernAsync(string title, Contact contact)
        {
            var result = await app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(new ConcernDraft(app.Tree.CommuneA1.Id, title, RespondFixture.Text, contact, ConcernSource.Portal)));
            await app.WithDbAsync(async db =>
            {
                var row = await db.Concerns.SingleAsync(c => c.Id == result.ConcernId);
                row.CaseId = item.Id;
                return await db.SaveChangesAsync();
            });
            return result.ConcernId;
        }

        var withMail = await ConcernAsync("Đèn đường tắt (có email)", new Contact("dan@example.vn", null));
        await ConcernAsync("Đèn đường tắt (ẩn danh)", new Contact(null, null));
        await ConcernAsync("Đèn đường tắt (chỉ điện thoại)", new Contact(null, "0905123456"));

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        using var answered = await liaison.PostFormAsync($"/Cases/Respond?id={item.Id}",
            new Dictionary<string, string> { ["version"] = "0", ["answer"] = "Đã thay bóng đèn trên toàn tuyến." }, $"/Cases/Respond?handler=Answer&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["dan@example.vn"], mail.To);
        Assert.Contains("Đã thay bóng đèn trên toàn tuyến.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/vu-viec/{item.PublicRef}", mail.TextBody, StringComparison.Ordinal);
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PersonalDataRead).Select(a => new { a.Target, a.ActorName }).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.Contains(reads, r => r.Target == $"concern:{withMail}" && r.ActorName == "lienlac@sxd48.vn");
    }

    [Theory, Providers]
    public async Task A_resident_who_left_an_e_mail_is_told_of_each_step_until_the_contact_is_purged(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        var settings = MailSettings(smtp);
        settings["Concerns:ContactRetentionDays"] = "0";
        await using var app = await TestApp.StartAsync(provider, settings);
        var agency = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        await app.AddMemberAsync("lienlac@sxd48.vn", agency, Role.AgencyLiaison);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id);
        var result = await app.WithScopeAsync(s => s.GetRequiredService<ConcernIntake>().SubmitAsync(
            new ConcernDraft(app.Tree.CommuneA1.Id, "Đèn đường tắt cả tuyến", RespondFixture.Text, new Contact("dan@example.vn", null), ConcernSource.Portal)));
        await app.WithDbAsync(async db =>
        {
            var row = await db.Concerns.SingleAsync(c => c.Id == result.ConcernId);
            row.CaseId = item.Id;
            return await db.SaveChangesAsync();
        });

        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        using var started = await liaison.PostFormAsync($"/Cases/Respond?id={item.Id}",
            new Dictionary<string, string> { ["version"] = "0" }, $"/Cases/Respond?handler=Start&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["dan@example.vn"], mail.To);
        Assert.Contains("Đang xử lý", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("In progress", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/cong/20200/theo-doi", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/vu-viec/{item.PublicRef}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PersonalDataRead && a.Target == $"concern:{result.ConcernId}")));

        // The case closes, the contact is purged; when it comes back and is answered, nobody is mailed and nothing is read.
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == item.Id);
            tracked.Status = CaseStatus.Closed;
            tracked.ClosedAt = DateTime.UtcNow.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<ContactPurge>().PurgeAsync()));
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == item.Id);
            tracked.Status = CaseStatus.Reopened;
            return await db.SaveChangesAsync();
        });
        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == item.Id).Select(c => c.Version).SingleAsync());
        using var answered = await liaison.PostFormAsync($"/Cases/Respond?id={item.Id}",
            new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture), ["answer"] = "Đã thay bóng đèn trên toàn tuyến." }, $"/Cases/Respond?handler=Answer&id={item.Id}");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Single(smtp.Messages);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PersonalDataRead && a.Target == $"concern:{result.ConcernId}")));
    }
}
