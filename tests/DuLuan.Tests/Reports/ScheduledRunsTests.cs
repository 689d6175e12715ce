using System.CommandLine;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Reports;

public sealed class ScheduledRunsTests
{
    private static Task<int> MakeUnitsOldAsync(TestApp app) => app.WithDbAsync(db => db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveFrom, new DateOnly(2020, 1, 1))));

    [Theory, Providers]
    public async Task Two_workers_generate_each_units_report_exactly_once_and_notify_the_unit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await MakeUnitsOldAsync(app);
        var scheduler = app.App.Services.GetRequiredService<ReportScheduler>();
        var ct = TestContext.Current.CancellationToken;
        // Both instances plan the same ended periods and race for the same runs, several passes each.
        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            var total = 0;
            for (var pass = 0; pass < 3; pass++)
            {
                total += await scheduler.RunOnceAsync($"worker-{i}", ct);
            }

            return total;
        }, ct)));

        var reporting = await app.WithDbAsync(db => db.Units.CountAsync(u => u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune));
        var runs = await app.WithDbAsync(db => db.ReportRuns.AsNoTracking().ToListAsync());
        var periods = runs.Select(r => r.PeriodCode).Distinct().Count();
        Assert.True(periods >= 1);
        Assert.Equal(reporting * periods, runs.Count);
        Assert.All(runs, r => Assert.Equal(ReportRunStatus.Done, r.Status));
        Assert.Equal(runs.Count, passes.Sum());
        var drafts = await app.WithDbAsync(db => db.ReportDrafts.AsNoTracking().Select(d => new { d.UnitId, d.PeriodCode }).ToListAsync());
        Assert.Equal(runs.Count, drafts.Count);
        Assert.Equal(drafts.Count, drafts.Distinct().Count());
        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Text.Contains("/Reports/Drafts/Edit?id=")).ToListAsync());
        Assert.Equal(runs.Count, notes.Count);
        Assert.Contains(notes, n => n.UnitId == app.Tree.CommuneA1.Id);

        // The progress view counts what is done in the member's subtree only.
        using var client = await DraftsTests.EditorAsync(app, "tiendo@duluan.test", app.Tree.ProvinceB);
        var progress = await client.GetStringAsync("/Reports/Drafts/Runs");
        Assert.Contains("2 / 2", progress, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_failing_run_keeps_its_reason_and_stops_after_three_attempts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await app.WithDbAsync(async db =>
        {
            // A run whose period cannot be read (a row written by hand or by an older version): generation throws.
            var run = new ReportRun { PeriodCode = "2026-Q9", UnitId = app.Tree.CommuneB1.Id, Status = ReportRunStatus.Pending, CreatedAt = DateTime.UtcNow };
            db.ReportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        for (var attempt = 1; attempt <= ReportRuns.MaxAttempts; attempt++)
        {
            var status = await app.WithScopeAsync(async s =>
            {
                var r = s.GetRequiredService<ReportRuns>();
                var db = s.GetRequiredService<AppDbContext>();
                await db.ReportRuns.Where(x => x.Id == id).ExecuteUpdateAsync(x => x.SetProperty(y => y.LeaseUntil, (DateTime?)null));
                var claimed = await r.ClaimAsync(10, "w", CancellationToken.None);
                Assert.Contains(id, claimed);
                return await r.RunAsync(id, "w", CancellationToken.None);
            });
            Assert.Equal(attempt < ReportRuns.MaxAttempts ? ReportRunStatus.Pending : ReportRunStatus.Failed, status);
        }

        var failed = await app.WithDbAsync(db => db.ReportRuns.SingleAsync(r => r.Id == id));
        Assert.Equal(ReportRunStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportDrafts.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_cli_writes_DOCX_and_PDF_and_explains_bad_arguments(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dir = Directory.CreateTempSubdirectory("duluan-reports-cli-");
        try
        {
            Environment.SetEnvironmentVariable("DULUAN_Database__Provider", app.DatabaseOptions.Provider.ToString());
            Environment.SetEnvironmentVariable("DULUAN_Database__ConnectionString", app.DatabaseOptions.ConnectionString);
            Environment.SetEnvironmentVariable("DULUAN_Database__DataDirectory", app.DatabaseOptions.DataDirectory);
            (int Exit, string Output, string Error) Run(params string[] args)
            {
                var output = new StringWriter();
                var error = new StringWriter();
                var exit = new RootCommand("DuLuan") { ReportsCommand.Create() }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
                return (exit, output.ToString(), error.ToString());
            }

            var docx = Path.Combine(dir.FullName, "bao-cao.docx");
            var ok = Run("reports", "generate", "--unit", "48", "--period", "2026-Q3", "--layout", "party", "--format", "docx", "--out", docx);
            Assert.True(ok.Exit == 0, ok.Error);
            Assert.Contains("Thành phố Đà Nẵng", ok.Output, StringComparison.Ordinal);
            var bytes = File.ReadAllBytes(docx);
            DocxInspect.AssertValid(bytes);
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", DocxInspect.BodyText(bytes), StringComparison.Ordinal);

            var pdf = Path.Combine(dir.FullName, "bao-cao.pdf");
            var pdfRun = Run("reports", "generate", "--unit", "48", "--period", "2026-H1", "--layout", "state", "--format", "pdf", "--out", pdf);
            Assert.True(pdfRun.Exit == 0, pdfRun.Error);
            Assert.Contains("6 tháng đầu năm 2026", DocxInspect.PdfText(File.ReadAllBytes(pdf)), StringComparison.Ordinal);

            Assert.Contains("--unit", Run("reports", "generate", "--unit", "99999", "--period", "2026-Q3", "--out", docx).Error, StringComparison.Ordinal);
            Assert.Contains("--period", Run("reports", "generate", "--unit", "48", "--period", "2026-Q5", "--out", docx).Error, StringComparison.Ordinal);
            Assert.Contains("--layout", Run("reports", "generate", "--unit", "48", "--period", "2026", "--layout", "word", "--out", docx).Error, StringComparison.Ordinal);
            Assert.Contains("--format", Run("reports", "generate", "--unit", "48", "--period", "2026", "--format", "exe", "--out", docx).Error, StringComparison.Ordinal);
            Assert.Contains("--out", Run("reports", "generate", "--unit", "48", "--period", "2026", "--out", "/nonexistent/dir/x.docx").Error, StringComparison.Ordinal);
            Assert.NotEqual(0, Run("reports", "generate", "--unit", "48", "--period", "2026").Exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DULUAN_Database__Provider", null);
            Environment.SetEnvironmentVariable("DULUAN_Database__ConnectionString", null);
            Environment.SetEnvironmentVariable("DULUAN_Database__DataDirectory", null);
            dir.Delete(recursive: true);
        }
    }
}
