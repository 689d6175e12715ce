using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Publish;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Figures;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

/// <summary>
/// The current period's figures read this month from the sums too, except what is capped by now (cases due): a case
/// due later this month is not counted as due yet, though the sums already hold it under this month.
/// </summary>
public sealed class CurrentMonthSumsTests
{
    [Theory, Providers]
    public async Task This_month_comes_from_the_sums_and_only_deadlines_already_passed_count_as_due(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: false, CancellationToken.None));
        var tree = app.Tree;
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            long[] units = [tree.CommuneA1.Id, tree.CommuneA2.Id, tree.CommuneB1.Id];
            for (var i = 0; i < 30; i++)
            {
                // Created within the last hours (this month, or just before it on the 1st), due an hour ago or in a few hours.
                var created = now.AddMinutes(-5 - (i * 7));
                db.Cases.Add(new Case
                {
                    UnitId = units[i % 3],
                    Title = "Vụ việc " + i,
                    Description = "x",
                    Severity = (Severity)(i % 3),
                    Status = i % 7 == 0 ? CaseStatus.Rejected : CaseStatus.Assigned,
                    AgencyId = i % 4 == 0 ? null : tree.AgencyA1.Id,
                    CreatedAt = created,
                    DueAt = i % 2 == 0 ? now.AddMinutes(-60 + i) : now.AddHours(3 + i),
                    AnsweredAt = i % 3 == 0 ? created.AddMinutes(2) : null,
                });
                db.Concerns.Add(new Concern { UnitId = units[i % 3], Title = "P " + i, Description = "x", Source = (ConcernSource)(i % 7), Status = (ConcernStatus)(i % 4), DedupKey = "now-" + i, ReceivedAt = now.AddMinutes(-i) });
            }

            db.Posts.Add(new Post { UnitId = tree.CommuneA1.Id, Title = "B", BodyHtml = "<p>x</p>", BodyText = "x", ContentHash = "h", AuthorId = "a", LastEditorId = "a", Status = PostStatus.Published, CreatedAt = now, UpdatedAt = now, PublishedAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync();
            return 0;
        });

        var period = await app.WithScopeAsync(s => Task.FromResult(ReportPeriod.QuarterOf(s.GetRequiredService<DuLuan.Infrastructure.Time.OfficeTime>().Today)));
        var split = await app.WithScopeAsync(s => s.GetRequiredService<ReportSums>().SplitAsync(s.GetRequiredService<ReportFigureSource>().Window(period, DateTime.UtcNow), CancellationToken.None));
        Assert.NotNull(split.RestTo);
        var figures = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, period, CancellationToken.None));
        var path = tree.ProvinceA.Path;
        var at = DateTime.UtcNow;
        foreach (var (key, figure) in new[]
        {
            ("concerns.cases", ReportKeys.ConcernsCases), ("concerns.answered", ReportKeys.ConcernsAnswered), ("concerns.overdue", ReportKeys.ConcernsOverdue),
            ("publish.posts", ReportKeys.PublishPosts), ("concerns.received", ReportKeys.ConcernsReceived),
        })
        {
            Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, key, path, period, at)), figures.Figure(figure)!.Value);
        }

        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.MedianDaysAsync(db, path, period)), figures.Figure(ReportKeys.ConcernsMedianDays)!.Value);
        Assert.True(figures.Figure(ReportKeys.ConcernsCases)!.Value > 0);
        Assert.True(figures.Figure(ReportKeys.ConcernsOverdue)!.Value > 0);
    }
}
