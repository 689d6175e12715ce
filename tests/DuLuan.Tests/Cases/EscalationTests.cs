using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

public sealed class EscalationTests
{
    [Theory, Providers]
    public async Task Moving_the_clock_flags_overdue_cases_and_sends_one_digest_per_unit(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        var agency = await app.WithScopeAsync(async s =>
        {
            var parent = await s.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Id == app.Tree.ProvinceA.Id);
            return await s.GetRequiredService<UnitTree>().AddChildAsync(parent, "Sở Giao thông vận tải", UnitKind.Agency, null);
        });
        var start = clock.GetUtcNow().UtcDateTime;
        var calendar = await app.WithScopeAsync(s => s.GetRequiredService<Holidays>().CalendarAsync());
        var options = new WorkingHoursOptions();
        await app.WithDbAsync(async db =>
        {
            Case Make(string title, Severity severity, CaseStatus status, long? agencyId) => new()
            {
                UnitId = app.Tree.CommuneA1.Id,
                Title = title,
                Description = "Nội dung",
                Severity = severity,
                Status = status,
                AgencyId = agencyId,
                CreatedAt = start,
                DueAt = calendar.DueAt(options, severity, start),
            };
            db.Cases.AddRange(
                Make("khẩn 1", Severity.Urgent, CaseStatus.Assigned, agency.Id),
                Make("khẩn 2", Severity.Urgent, CaseStatus.InProgress, agency.Id),
                Make("khẩn đã trả lời", Severity.Urgent, CaseStatus.Answered, agency.Id),
                Make("khẩn chưa giao", Severity.Urgent, CaseStatus.New, null),
                Make("thường", Severity.Normal, CaseStatus.Assigned, agency.Id));
            return await db.SaveChangesAsync();
        });
        Task<EscalationSweep.Result> SweepAsync() => app.WithScopeAsync(s => s.GetRequiredService<EscalationSweep>().RunAsync());

        Assert.Equal(new EscalationSweep.Result(0, 0), await SweepAsync());

        // Four working hours are at most two calendar days away (weekend), never seven.
        clock.Advance(TimeSpan.FromDays(3));
        var first = await SweepAsync();
        Assert.Equal(3, first.Flagged);
        var notes = await app.WithDbAsync(db => db.Notifications.OrderBy(n => n.UnitId).ToListAsync());
        Assert.Equal(3, notes.Count);
        Assert.StartsWith("2 ", notes.Single(n => n.UnitId == agency.Id).Text, StringComparison.Ordinal);
        Assert.StartsWith("1 ", notes.Single(n => n.UnitId == app.Tree.CommuneA1.Id).Text, StringComparison.Ordinal);
        Assert.StartsWith("3 ", notes.Single(n => n.UnitId == app.Tree.ProvinceA.Id).Text, StringComparison.Ordinal);
        Assert.Equal(new EscalationSweep.Result(0, 0), await SweepAsync());

        clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, (await SweepAsync()).Flagged);
        var overdue = await app.WithDbAsync(db => db.Cases.Where(c => c.OverdueSince != null).Select(c => c.Title).OrderBy(t => t).ToListAsync());
        Assert.Equal(["khẩn 1", "khẩn 2", "khẩn chưa giao", "thường"], overdue);

        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("viewer@01.vn", app.Tree.ProvinceB, Role.Viewer);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        var page = await viewer.GetStringAsync("/Cases");
        Assert.Contains("quá hạn xử lý", page, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", page, StringComparison.Ordinal);
        // The same notices in English for staff who read the pages in English.
        viewer.Cookies.Add(app.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = WebUtility.HtmlDecode(await viewer.GetStringAsync("/Cases"));
        Assert.Contains("3 cases in units below are overdue.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn xử lý", english, StringComparison.Ordinal);
        using var other = app.Client();
        await other.SignInOkAsync("viewer@01.vn");
        Assert.DoesNotContain("quá hạn xử lý", await other.GetStringAsync("/Cases"), StringComparison.Ordinal);
    }
}
