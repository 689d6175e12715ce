using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Reports.Drafts;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Desk;

/// <summary>Issue #20 item 9: "Lập báo cáo cuối kỳ" can start a unit's run for an ended period from the page.</summary>
public sealed class ReportRunStartTests
{
    [Theory, Providers]
    public async Task An_editor_starts_the_run_of_an_ended_period_for_a_unit_in_scope_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(db => db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveFrom, new DateOnly(2020, 1, 1))));
        using var editor = await DraftsTests.EditorAsync(app, "baocao@48.vn", app.Tree.ProvinceA);
        var page = await editor.GetStringAsync("/Reports/Drafts/Runs");
        Assert.Contains("id=\"run-start\"", page, StringComparison.Ordinal);
        var period = ReportRuns.EndedPeriods(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"))))[0];

        Task<HttpResponseMessage> StartAsync(TestClient client, long unitId, string code) => client.PostFormAsync("/Reports/Drafts/Runs",
            new Dictionary<string, string> { ["unitId"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["period"] = code }, "/Reports/Drafts/Runs?handler=Start");

        using (var started = await StartAsync(editor, app.Tree.ProvinceA.Id, period.Code))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        using (var again = await StartAsync(editor, app.Tree.ProvinceA.Id, period.Code))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var runs = await app.WithDbAsync(db => db.ReportRuns.AsNoTracking().ToListAsync());
        var run = Assert.Single(runs);
        Assert.Equal((app.Tree.ProvinceA.Id, period.Code, ReportRunStatus.Done), (run.UnitId, run.PeriodCode, run.Status));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportDrafts.CountAsync(d => d.UnitId == app.Tree.ProvinceA.Id)));
        var progress = WebUtility.HtmlDecode(await editor.GetStringAsync("/Reports/Drafts/Runs"));
        Assert.Contains("1 / 1", progress, StringComparison.Ordinal);
        Assert.Contains(period.VietnameseLabel, progress, StringComparison.Ordinal);

        // A period not ended yet, or a made-up one, is refused naming the field; another province's unit is not found.
        foreach (var bad in new[] { "2999-Q1", "", "<script>", "2026-Q9" })
        {
            using var refused = await StartAsync(editor, app.Tree.ProvinceA.Id, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Kỳ báo cáo: chọn một kỳ đã kết thúc", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var foreign = await StartAsync(editor, app.Tree.ProvinceB.Id, period.Code))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        await app.AddMemberAsync("xem@48.vn", app.Tree.ProvinceA, Role.Viewer);
        using var viewer = app.Client();
        await viewer.SignInOkAsync("xem@48.vn");
        Assert.DoesNotContain("id=\"run-start\"", await viewer.GetStringAsync("/Reports/Drafts/Runs"), StringComparison.Ordinal);
        using (var byViewer = await StartAsync(viewer, app.Tree.ProvinceA.Id, period.Code))
        {
            Assert.Equal(HttpStatusCode.NotFound, byViewer.StatusCode);
        }

        Assert.Single(await app.WithDbAsync(db => db.ReportRuns.AsNoTracking().ToListAsync()));
    }
}
