using DuLuan.Data;
using DuLuan.Features.Concerns;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Figures;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Reports;

/// <summary>
/// "Due" and "answered on time" of the current month: the days before today come from daily sums kept in each case's
/// save, only today is counted from the records. Checked against a direct count at instants around local midnights and
/// the month's ends, after cases change, and after a rebuild.
/// </summary>
public sealed class DueDailySumsTests
{
    [Theory, Providers]
    public async Task Due_and_on_time_this_month_match_a_direct_count_around_midnights_and_month_ends(DatabaseProvider provider)
    {
        // The clock starts before this month so that it can be set to instants of the month, forwards only.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-40));
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: false, CancellationToken.None));
        var zone = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ReportZone>().Zone));
        var tree = app.Tree;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var month = new DateOnly(today.Year, today.Month, 1);
        DateTime At(DateOnly day, int minutes) => ReportWindow.Midnight(day, zone).AddMinutes(minutes);

        // Deadlines a minute before, at and a minute after every local midnight from the day before the month to the
        // day after it, and at noon; answered exactly at the deadline (on time), a minute late, or not at all.
        await app.WithDbAsync(async db =>
        {
            long[] units = [tree.CommuneA1.Id, tree.CommuneA2.Id, tree.CommuneB1.Id];
            var i = 0;
            for (var day = month.AddDays(-1); day <= month.AddMonths(1).AddDays(1); day = day.AddDays(1))
            {
                foreach (var minutes in new[] { -1, 0, 1, 12 * 60 })
                {
                    var due = At(day, minutes);
                    db.Cases.Add(new Case
                    {
                        UnitId = units[i % 3],
                        Title = "Vụ việc " + i,
                        Description = "x",
                        Severity = (Severity)(i % 3),
                        Status = i % 9 == 0 ? CaseStatus.Rejected : CaseStatus.Assigned,
                        AgencyId = i % 4 == 0 ? null : tree.AgencyA1.Id,
                        CreatedAt = due.AddDays(-15),
                        DueAt = due,
                        AnsweredAt = (i % 3) switch { 0 => due, 1 => due.AddMinutes(1), _ => null },
                    });
                    i++;
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });

        DateTime[] instants = [At(month, 0).AddSeconds(30), At(month.AddDays(2), 0).AddSeconds(30), At(month.AddDays(3), 0).AddSeconds(-30), At(month.AddMonths(1), 0).AddSeconds(-30)];
        foreach (var instant in instants[..3])
        {
            clock.SetUtcNow(instant);
            await AssertMatchesAsync(app, tree.ProvinceA.Path, instant);
            await AssertMatchesAsync(app, tree.Root.Path, instant);
        }

        // Cases change through their save (answered, deadline moved, rejected): the daily sums follow.
        clock.SetUtcNow(instants[2]);
        await app.WithDbAsync(async db =>
        {
            var (from, to) = (At(month, 0), At(month.AddDays(3), 0));
            var cases = await db.Cases.Where(c => c.DueAt >= from && c.DueAt < to).OrderBy(c => c.Id).ToListAsync();
            for (var k = 0; k < cases.Count; k++)
            {
                switch (k % 3)
                {
                    case 0:
                        cases[k].AnsweredAt = cases[k].DueAt!.Value.AddMinutes(-5);
                        break;
                    case 1:
                        cases[k].DueAt = cases[k].DueAt!.Value.AddDays(1);
                        break;
                    default:
                        cases[k].Status = CaseStatus.Rejected;
                        break;
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });
        await AssertMatchesAsync(app, tree.ProvinceA.Path, instants[2]);

        // The days before today are read from the sums: a deadline moved behind the sums' back (no save) from the
        // month's first day to the next month still counts on that day.
        var (firstDay, secondDay, nextMonth) = (At(month, 0), At(month.AddDays(1), 0), At(month.AddMonths(1), 12 * 60));
        var first = await app.WithDbAsync(db => db.Cases.Where(c => c.DueAt >= firstDay && c.DueAt < secondDay && c.Status != CaseStatus.Rejected).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first).ExecuteUpdateAsync(u => u.SetProperty(c => c.DueAt, nextMonth)));
        var (dueNow, direct) = await DueAsync(app, tree.Root.Path, instants[2]);
        Assert.Equal(direct + 1, dueNow);

        // After a rebuild the sums hold the records as they are.
        await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: true, CancellationToken.None));
        await AssertMatchesAsync(app, tree.Root.Path, instants[2]);
        clock.SetUtcNow(instants[3]);
        await AssertMatchesAsync(app, tree.ProvinceA.Path, instants[3]);
        await AssertMatchesAsync(app, tree.Root.Path, instants[3]);
    }

    private static async Task<(long Tallied, long Counted)> DueAsync(TestApp app, string path, DateTime now)
    {
        var period = ReportPeriod.QuarterOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ReportZone>().Zone)))));
        var tally = await app.WithScopeAsync(s => s.GetRequiredService<ReportTally>().OfAsync(path, s.GetRequiredService<ReportFigureSource>().Window(period, now), CancellationToken.None));
        return (tally.Total(ConcernsReportSums.CasesDue, "severity:"), await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.due", path, period, now)));
    }

    private static async Task AssertMatchesAsync(TestApp app, string path, DateTime now)
    {
        var zone = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ReportZone>().Zone));
        var period = ReportPeriod.QuarterOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone)));
        var window = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ReportFigureSource>().Window(period, now)));
        var split = await app.WithScopeAsync(s => s.GetRequiredService<ReportSums>().SplitAsync(window, CancellationToken.None));
        Assert.NotNull(split.RestTo);
        var tally = await app.WithScopeAsync(s => s.GetRequiredService<ReportTally>().OfAsync(path, window, CancellationToken.None));
        var due = await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.due", path, period, now));
        var onTime = await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.on_time", path, period, now));
        Assert.True(due > 0);
        Assert.Equal(due, tally.Total(ConcernsReportSums.CasesDue, "severity:"));
        Assert.Equal(due, tally.Total(ConcernsReportSums.CasesDue, "agency:"));
        Assert.Equal(onTime, tally.Total(ConcernsReportSums.CasesOnTime, "severity:"));
        Assert.Equal(onTime, tally.Total(ConcernsReportSums.CasesOnTime, "category:"));
    }
}
