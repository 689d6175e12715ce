using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Publish;
using DuLuan.Features.Reports;
using DuLuan.Features.Reports.Figures;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Tests.Reports;

/// <summary>
/// The monthly sums behind the dashboard: every save keeps them equal to a rebuild from the records, a failed save
/// changes nothing, and the figures of a past period read from them equal independent SQL counts.
/// </summary>
public sealed class ReportSumsTests
{
    [Theory, Providers]
    public async Task Every_save_keeps_the_sums_equal_to_a_rebuild_from_the_records(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await WaitForSumsAsync(app);
        var tree = app.Tree;
        var random = new Random(7);
        var start = new DateTime(2025, 12, 31, 18, 30, 0, DateTimeKind.Utc); // 1 January 2026 01:30 in Hà Nội: the month boundary is local
        var caseIds = await app.WithDbAsync(async db =>
        {
            var units = new[] { tree.CommuneA1.Id, tree.CommuneA2.Id, tree.CommuneB1.Id };
            var cases = Enumerable.Range(0, 120).Select(i =>
            {
                var created = start.AddHours(i * 31);
                return new Case
                {
                    UnitId = units[i % 3],
                    Title = "Vụ việc " + i,
                    Description = "x",
                    Severity = (Severity)(i % 3),
                    Status = i % 11 == 0 ? CaseStatus.Rejected : CaseStatus.Assigned,
                    AgencyId = i % 4 == 0 ? null : tree.AgencyA1.Id,
                    CreatedAt = created,
                    DueAt = i % 5 == 0 ? null : created.AddDays(random.Next(1, 40)),
                    AnsweredAt = i % 3 == 0 ? null : created.AddHours(random.Next(1, 900)),
                };
            }).ToList();
            db.Cases.AddRange(cases);
            for (var i = 0; i < 40; i++)
            {
                db.Concerns.Add(new Concern { UnitId = units[i % 3], Title = "P " + i, Description = "x", Source = (ConcernSource)(i % 7), Status = (ConcernStatus)(i % 4), DedupKey = "sums-" + i, ReceivedAt = start.AddDays(i * 2) });
                db.Posts.Add(new Post
                {
                    UnitId = units[i % 3],
                    Title = "B " + i,
                    BodyHtml = "<p>x</p>",
                    BodyText = "x",
                    ContentHash = "h" + i,
                    AuthorId = "a",
                    LastEditorId = "a",
                    Status = i % 4 == 0 ? PostStatus.Draft : PostStatus.Published,
                    CreatedAt = start,
                    UpdatedAt = start,
                    PublishedAt = i % 4 == 0 ? null : start.AddDays(i * 3),
                });
            }

            await db.SaveChangesAsync();
            return cases.Select(c => c.Id).ToList();
        });
        await AssertSumsMatchRebuildAsync(app, "after the first saves");

        // Answer, reject, re-assign, move to another unit, change the deadline, delete; take a post back to draft; dismiss a concern.
        await app.WithDbAsync(async db =>
        {
            var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
            cases[0].AnsweredAt = cases[0].CreatedAt.AddDays(2);
            cases[1].Status = CaseStatus.Rejected;
            cases[2].AgencyId = null;
            cases[3].UnitId = tree.CommuneB1.Id;
            cases[4].DueAt = cases[4].CreatedAt.AddDays(90);
            cases[5].AnsweredAt = null;
            cases[6].Severity = Severity.Urgent;
            db.Cases.Remove(cases[7]);
            var post = await db.Posts.FirstAsync(p => p.Status == PostStatus.Published);
            post.Status = PostStatus.Draft; // taken back
            var concern = await db.Concerns.FirstAsync(c => c.Status == ConcernStatus.New);
            concern.Status = ConcernStatus.Dismissed;
            await db.SaveChangesAsync();
            return 0;
        });
        await AssertSumsMatchRebuildAsync(app, "after edits and a delete");

        // A save that fails (a duplicate dedup key) leaves the sums as they were.
        var before = await SnapshotAsync(app);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Cases.Add(new Case { UnitId = tree.CommuneA1.Id, Title = "t", Description = "x", CreatedAt = start, Status = CaseStatus.New });
            db.Concerns.Add(new Concern { UnitId = tree.CommuneA1.Id, Title = "t", Description = "x", DedupKey = "sums-1", ReceivedAt = start });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(before, await SnapshotAsync(app));

        // In the caller's transaction, two saves: nothing counted if it rolls back, both once it commits.
        foreach (var commit in new[] { false, true })
        {
            await app.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Cases.Add(new Case { UnitId = tree.CommuneA2.Id, Title = "t", Description = "x", CreatedAt = start.AddDays(3), AnsweredAt = start.AddDays(4), Status = CaseStatus.Answered });
                await db.SaveChangesAsync();
                db.Concerns.Add(new Concern { UnitId = tree.CommuneA2.Id, Title = "t", Description = "x", DedupKey = "sums-tx-" + commit, ReceivedAt = start.AddDays(3) });
                await db.SaveChangesAsync();
                if (commit)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                }

                return 0;
            });
            if (!commit)
            {
                Assert.Equal(before, await SnapshotAsync(app));
            }
        }

        Assert.NotEqual(before, await SnapshotAsync(app));
        await AssertSumsMatchRebuildAsync(app, "after a transaction with two saves");

        // The figures of a past quarter come from the sums and equal independent counts over the records.
        var period = ReportPeriod.Parse("2026-Q1");
        var split = await app.WithScopeAsync(s => s.GetRequiredService<ReportSums>().SplitAsync(s.GetRequiredService<ReportFigureSource>().Window(period, DateTime.UtcNow), CancellationToken.None));
        Assert.True(split.HasSums);
        Assert.Equal(new DateOnly(2026, 4, 1), split.To);
        var figures = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, period, CancellationToken.None));
        var path = tree.ProvinceA.Path;
        var now = DateTime.UtcNow;
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.cases", path, period, now)), figures.Figure(ReportKeys.ConcernsCases)!.Value);
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.answered", path, period, now)), figures.Figure(ReportKeys.ConcernsAnswered)!.Value);
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.overdue", path, period, now)), figures.Figure(ReportKeys.ConcernsOverdue)!.Value);
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.MedianDaysAsync(db, path, period)), figures.Figure(ReportKeys.ConcernsMedianDays)!.Value);
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "publish.posts", path, period, now)), figures.Figure(ReportKeys.PublishPosts)!.Value);
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.received", path, period, now)), figures.Figure(ReportKeys.ConcernsReceived)!.Value);
    }

    /// <summary>
    /// A rolled-back transaction's counters die with it: the next transaction on the same connection (Npgsql recycles
    /// its transaction object there, and a pooled connection serves many requests) does not write them.
    /// </summary>
    [Theory, Providers]
    public async Task A_rolled_back_transaction_adds_nothing_to_the_next_one_on_its_connection(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await WaitForSumsAsync(app);
        var tree = app.Tree;
        var at = new DateTime(2026, 2, 10, 3, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            foreach (var commit in new[] { false, true })
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Cases.Add(new Case { UnitId = tree.CommuneA1.Id, Title = "t", Description = "x", CreatedAt = at, AnsweredAt = at.AddDays(1), Status = CaseStatus.Answered });
                await db.SaveChangesAsync();
                if (commit)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                    db.ChangeTracker.Clear();
                }
            }

            return 0;
        });

        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.CreatedAt == at)));
        await AssertSumsMatchRebuildAsync(app, "after a rolled-back and a committed transaction on one connection");
    }

    private static async Task WaitForSumsAsync(TestApp app)
    {
        for (var i = 0; i < 100 && !await app.WithScopeAsync(s => s.GetRequiredService<ReportSums>().ValidAsync(CancellationToken.None)); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ReportSums>().ValidAsync(CancellationToken.None)), "the sums were not built at start-up");
    }

    private static Task<string> SnapshotAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var rows = await db.ReportMonthSums.AsNoTracking().Where(s => s.Value != 0).ToListAsync();
        return string.Join("\n", rows.Select(r => $"{r.UnitId} {r.Month:yyyy-MM} {r.Measure} {r.Dim} {r.Value}").Order(StringComparer.Ordinal));
    });

    private static async Task AssertSumsMatchRebuildAsync(TestApp app, string when)
    {
        var kept = await SnapshotAsync(app);
        Assert.NotEqual(string.Empty, kept);
        Assert.NotNull(await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: true, CancellationToken.None)));
        var rebuilt = await SnapshotAsync(app);
        Assert.True(kept == rebuilt, $"{when}: the kept sums differ from a rebuild\nkept:\n{kept}\nrebuilt:\n{rebuilt}");
    }
}
