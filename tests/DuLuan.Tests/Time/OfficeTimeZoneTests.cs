using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Publish;
using DuLuan.Tests.Cases;
using DuLuan.Tests.Claims;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Time;

/// <summary>
/// With the office in New York, every page, the mail and the API that show a stored time show New York's wall clock:
/// not Vietnam's, and never "UTC".
/// </summary>
public sealed partial class OfficeTimeZoneTests
{
    private const string NewYork = "America/New_York";

    // 10:00 UTC on 1 December 2026 is 05:00 in New York (EST) and 17:00 in Hà Nội.
    private static readonly DateTime At = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private const string NewYorkText = "01/12/2026 05:00";
    private const string HanoiText = "01/12/2026 17:00";

    [Theory, Providers]
    public async Task Every_page_mail_and_api_shows_the_configured_zone_and_never_utc(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Office:TimeZone"] = NewYork,
            ["Cases:WorkingHours:SweepMinutes"] = "0",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:From"] = "tiepnhan@danang.gov.vn",
            ["Mail:UseStartTls"] = "false",
        }, clock.Install());
        var tree = app.Tree;
        var agency = await RespondFixture.AddAgencyAsync(app, tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        var admin = await app.AddMemberAsync("admin@48.vn", tree.ProvinceA, Role.Admin);
        await app.AddMemberAsync("lead@sxd48.vn", agency, Role.Lead);
        await app.AddMemberAsync("lienlac@sxd48.vn", agency, Role.AgencyLiaison);
        var feed = await ClaimsFixture.AddFeedAsync(app, tree.CommuneA1.Id, "Báo Đà Nẵng");
        var storyId = await ClaimsFixture.IngestAsync(app, feed, "gio-1", "Ngập đường Nguyễn Lương Bằng", "Mưa lớn làm ngập đường Nguyễn Lương Bằng suốt buổi sáng.", new DateTimeOffset(At));
        var (caseId, concernId, postId) = await app.WithDbAsync(async db =>
        {
            var item = new Case { UnitId = tree.CommuneA1.Id, AgencyId = agency.Id, Title = "Cống thoát nước tắc", Description = RespondFixture.Text, Severity = Severity.Normal, Status = CaseStatus.Assigned, CreatedAt = At.AddDays(-3), DueAt = At };
            db.Cases.Add(item);
            var concern = new Concern { UnitId = tree.CommuneA1.Id, Title = "Cống tắc", Description = "x", Source = ConcernSource.Portal, Status = ConcernStatus.New, DedupKey = "time-1", ReceivedAt = At };
            db.Concerns.Add(concern);
            var post = new Post { UnitId = tree.ProvinceA.Id, Title = "Lịch cắt nước", BodyHtml = "<p>x</p>", BodyText = "x", ContentHash = "h", AuthorId = admin.Id, LastEditorId = admin.Id, Status = PostStatus.Draft, CreatedAt = At, UpdatedAt = At, ScheduledAt = At };
            db.Posts.Add(post);
            db.AuditEntries.Add(new AuditEntry { At = At, Action = "time.check", UnitId = tree.ProvinceA.Id, Target = "time" });
            db.Alerts.Add(new Alert { UnitId = tree.CommuneA1.Id, Kind = AlertKind.Topic, SubjectId = 1, WindowStart = At.Date, CreatedAt = At, ReasonVi = "Tăng đột biến", ReasonEn = "Rising" });
            var tracked = await db.Feeds.SingleAsync(f => f.Id == feed.Id);
            tracked.LastSuccessAt = At;
            var story = await db.Stories.SingleAsync(s => s.Id == storyId);
            story.FirstSeenAt = At;
            await db.SaveChangesAsync();
            db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = At, Status = CaseStatus.Assigned });
            await db.SaveChangesAsync();
            return (item.Id, concern.Id, post.Id);
        });
        var caseRef = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.PublicRef).SingleAsync());

        using var staff = app.Client();
        await staff.SignInAdminAsync(admin);
        using var liaison = app.Client();
        await liaison.SignInOkAsync("lienlac@sxd48.vn");
        using var resident = app.Client();
        var pages = new (TestClient Client, string Path, string Expected)[]
        {
            (staff, "/Cases", NewYorkText),
            (staff, $"/Cases/Details?id={caseId}", NewYorkText),
            (liaison, "/Cases/Queue", NewYorkText),
            (liaison, $"/Cases/Respond?id={caseId}", NewYorkText),
            (resident, $"/vu-viec/{caseRef}", NewYorkText),
            (staff, "/Concerns", NewYorkText),
            (staff, $"/Concerns/Details?id={concernId}", NewYorkText),
            (staff, "/Audit", NewYorkText),
            (staff, "/Monitoring", NewYorkText),
            (staff, "/Monitoring/Feeds", NewYorkText),
            (staff, $"/Monitoring/Story/{storyId}", NewYorkText),
            (staff, "/Publish", NewYorkText),
            (staff, $"/Publish/Posts/Details?id={postId}", NewYorkText),
            (staff, $"/Publish/Posts/Edit?id={postId}", "2026-12-01T05:00"),
        };
        foreach (var (client, path, expected) in pages)
        {
            using var response = await client.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{path} does not show {expected}");
            Assert.False(html.Contains(HanoiText, StringComparison.Ordinal), $"{path} shows Hà Nội's time: {Around(html, HanoiText)}");
            Assert.False(UtcWord().IsMatch(html), $"{path} shows UTC: {Around(html, "UTC")}");
        }

        // The calendar puts the post on New York's 1 December at 05:00.
        var calendar = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Publish/Calendar?View=month&Date=2026-12-01"));
        Assert.Contains("05:00 Lịch cắt nước", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("17:00 Lịch cắt nước", calendar, StringComparison.Ordinal);

        // The audit log's machine-readable time carries New York's offset.
        Assert.Contains("datetime=\"2026-12-01T05:00:00-05:00\"", await staff.GetStringAsync("/Audit"), StringComparison.Ordinal);

        // Open311 gives ISO 8601 with the office's offset.
        var api = await resident.GetStringAsync("/open311/v2/requests.json?jurisdiction_id=48");
        Assert.Contains("\"expected_datetime\":\"2026-12-01T05:00:00-05:00\"", api, StringComparison.Ordinal);
        Assert.DoesNotContain("+07:00", api, StringComparison.Ordinal);

        // The overdue digest mail: deadline and "at" time on New York's clock.
        var sweep = await app.WithScopeAsync(s => s.GetRequiredService<EscalationSweep>().RunAsync());
        Assert.True(sweep.Mails > 0);
        var mail = smtp.Messages.First(m => m.To.Contains("lead@sxd48.vn")).TextBody!;
        Assert.Contains("(hạn " + NewYorkText + ")", mail, StringComparison.Ordinal);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(NewYork));
        Assert.Contains("lúc " + now.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), mail, StringComparison.Ordinal);
        Assert.DoesNotContain(HanoiText, mail, StringComparison.Ordinal);
        Assert.DoesNotMatch(UtcWord(), mail);
    }

    private static string Around(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? string.Empty : text[Math.Max(0, at - 150)..Math.Min(text.Length, at + 50)];
    }

    /// <summary>"UTC" as a word; the same letters inside an antiforgery token or another base64 value do not count.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-+/=])UTC(?![A-Za-z0-9_\-+/=])")]
    private static partial Regex UtcWord();
}
