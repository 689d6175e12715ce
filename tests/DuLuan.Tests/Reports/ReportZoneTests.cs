using System.Globalization;
using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Reports.Figures;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

/// <summary>With another zone configured, periods, drill-down times and the report's dates all follow it, not UTC+7.</summary>
public sealed class ReportZoneTests
{
    private const string NewYork = "America/New_York";

    [Theory, Providers]
    public async Task Drill_down_times_and_document_dates_follow_the_configured_zone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { [WorkingHoursOptions.Section + ":TimeZone"] = NewYork });
        var tree = app.Tree;
        var ny = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
        // 02:00 UTC on 1 July is 22:00 on 30 June in New York (Q2) but 09:00 on 1 July in Hanoi (Q3).
        var late = new DateTime(2025, 7, 1, 2, 0, 0, DateTimeKind.Utc);
        var early = new DateTime(2025, 7, 1, 5, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case { UnitId = tree.CommuneA1.Id, Title = "Vụ việc cuối quý", Description = "x", Severity = Severity.Normal, Status = CaseStatus.InProgress, CreatedAt = late });
            db.Cases.Add(new Case { UnitId = tree.CommuneA1.Id, Title = "Vụ việc đầu quý", Description = "x", Severity = Severity.Normal, Status = CaseStatus.InProgress, CreatedAt = early });
            return await db.SaveChangesAsync();
        });

        var q2 = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, ReportPeriod.Parse("2025-Q2"), CancellationToken.None));
        var q3 = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, ReportPeriod.Parse("2025-Q3"), CancellationToken.None));
        Assert.Equal(1, q2.Figure(ReportKeys.ConcernsCases)!.Value);
        Assert.Equal(1, q3.Figure(ReportKeys.ConcernsCases)!.Value);

        await app.AddMemberAsync("xem@duluan.test", tree.ProvinceA, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync("xem@duluan.test");
        var drill = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports/Drill?unit={tree.ProvinceA.Id}&period=2025-Q2&key=concerns.cases"));
        Assert.Contains("data-total=\"1\"", drill, StringComparison.Ordinal);
        Assert.Contains("Vụ việc cuối quý", drill, StringComparison.Ordinal);
        Assert.Contains("30/06/2025 22:00", drill, StringComparison.Ordinal);
        Assert.DoesNotContain("01/07/2025 09:00", drill, StringComparison.Ordinal);
        var drill3 = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports/Drill?unit={tree.ProvinceA.Id}&period=2025-Q3&key=concerns.cases"));
        Assert.Contains("01/07/2025 01:00", drill3, StringComparison.Ordinal);

        // The draft's closing sentence and heading date are New York's clock and calendar.
        var (text, heading, computed) = await app.WithScopeAsync(async s =>
        {
            var generator = s.GetRequiredService<ReportGenerator>();
            var draft = await generator.CreateDraftAsync(tree.ProvinceA.Id, ReportPeriod.Parse("2025-Q3"), ReportLayout.State, null, null, CancellationToken.None);
            return (ReportJson.Text(draft.TextJson), await generator.HeadingAsync(tree.ProvinceA.Id, ReportLayout.State, CancellationToken.None), ReportJson.Figures(draft.FiguresJson).ComputedAt);
        });
        var local = TimeZoneInfo.ConvertTime(computed, ny);
        Assert.Equal(ny.GetUtcOffset(computed), computed.Offset);
        var stamp = local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + VietnameseFormat.ShortDate(DateOnly.FromDateTime(local.DateTime));
        Assert.Contains(text.Closing, c => c.Contains("lúc " + stamp, StringComparison.Ordinal));
        var hanoi = computed.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(text.Closing, c => c.Contains("lúc " + hanoi + " ", StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ny).DateTime);
        Assert.Equal(today, heading.Date);
    }
}
