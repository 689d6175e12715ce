using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Units;

namespace DuLuan.Tests.Reports;

/// <summary>
/// End to end across a re-organisation: records in two communes over Q2 and Q3 2025, the merge of one into the other
/// recorded through the unit page, then the province's and the successor's Q3 figures against plain SQL, and the notes.
/// </summary>
public sealed class ReorganisationReportTests
{
    private static readonly string[] Keys = ["concerns.received", "concerns.cases", "concerns.answered", "concerns.overdue"];

    [Theory, Providers]
    public async Task Figures_across_a_merge_recorded_in_the_ui_equal_sql_and_the_notes_name_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        await Reorganise.PrepareAsync(app);
        var (a, b) = await app.WithDbAsync(async db =>
        {
            var a = await ReportSeed.AddUnitAsync(db, tree.ProvinceA, "Xã An Phú", UnitKind.Commune, "99101");
            var b = await ReportSeed.AddUnitAsync(db, tree.ProvinceA, "Phường Bình Minh", UnitKind.Commune, "99102");
            var random = new Random(20250815);
            var start = new DateTime(2025, 3, 31, 17, 0, 0, DateTimeKind.Utc); // 01/04/2025 00:00 in Hanoi
            var merge = new DateTime(2025, 8, 14, 17, 0, 0, DateTimeKind.Utc); // 15/08/2025 00:00 in Hanoi
            var end = new DateTime(2025, 9, 30, 17, 0, 0, DateTimeKind.Utc);
            var n = 0;
            foreach (var (unit, until, count) in new[] { (a, merge, 70), (b, end, 90) })
            {
                for (var i = 0; i < count; i++)
                {
                    n++;
                    var at = start.AddMinutes(random.Next(0, (int)(until - start).TotalMinutes));
                    var answered = random.Next(3) != 0 ? at.AddHours(random.Next(1, 400)) : (DateTime?)null;
                    db.Cases.Add(new Case { UnitId = unit.Id, Title = $"Vụ việc {n}", Description = "x", Severity = (Severity)random.Next(3), Status = answered is null ? CaseStatus.InProgress : CaseStatus.Answered, CreatedAt = at, DueAt = at.AddDays(random.Next(2, 20)), AnsweredAt = answered });
                    db.Concerns.Add(new Concern { UnitId = unit.Id, Title = $"Phản ánh {n}", Description = "x", Source = ConcernSource.Portal, Status = (ConcernStatus)random.Next(4), DedupKey = $"e2e-{n}", ReceivedAt = at });
                }
            }

            // The last minute before the merge and the first after it, on the local-midnight boundary.
            db.Cases.Add(new Case { UnitId = a.Id, Title = "Trước sáp nhập", Description = "x", Status = CaseStatus.InProgress, CreatedAt = merge.AddSeconds(-1) });
            db.Cases.Add(new Case { UnitId = b.Id, Title = "Sau sáp nhập", Description = "x", Status = CaseStatus.InProgress, CreatedAt = merge });
            await db.SaveChangesAsync();
            return (a, b);
        });

        // The merge, recorded by the province's admin through the unit page.
        var admin = await app.AddMemberAsync("admin@a.vn", tree.ProvinceA, Role.Admin);
        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        using var recorded = await Reorganise.PostAsync(client, a.Id, [b.Id], "15/08/2025");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var q3 = ReportPeriod.Parse("2025-Q3");
        var now = DateTime.UtcNow;
        ReportFigures Compute(Unit unit) => app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(unit.Id, q3, CancellationToken.None)).GetAwaiter().GetResult();
        var province = Compute(tree.ProvinceA);
        var successor = Compute(b);
        var merged = Compute(a);
        foreach (var key in Keys)
        {
            var forProvince = await app.WithDbAsync(db => IndependentCounts.CountAsync(db, key, tree.ProvinceA.Path, q3, now));
            var forB = await app.WithDbAsync(db => IndependentCounts.CountAsync(db, key, b.Path, q3, now));
            var forA = await app.WithDbAsync(db => IndependentCounts.CountAsync(db, key, a.Path, q3, now));
            Assert.True(forProvince == province.Figure(key)!.Value, $"{key} province: {province.Figure(key)!.Value} vs SQL {forProvince}");
            Assert.True(forB == successor.Figure(key)!.Value, $"{key} successor: {successor.Figure(key)!.Value} vs SQL {forB}");
            Assert.True(forA == merged.Figure(key)!.Value, $"{key} merged: {merged.Figure(key)!.Value} vs SQL {forA}");
            // Where they belonged at the time: the province counts both communes, the successor does not take over A's.
            Assert.Equal(forProvince, forA + forB);
        }

        Assert.True(merged.Figure(ReportKeys.ConcernsCases)!.Value > 0);
        const string Note = "Xã An Phú sáp nhập vào Phường Bình Minh từ 15/08/2025";
        Assert.Contains(province.Notes, n => n.StartsWith(Note, StringComparison.Ordinal) && n.Contains("đến hết 14/08/2025 được tính cho Xã An Phú, từ 15/08/2025 cho Phường Bình Minh", StringComparison.Ordinal));
        Assert.Contains(successor.Notes, n => n.StartsWith(Note, StringComparison.Ordinal) && n.Contains("không tính vào Phường Bình Minh", StringComparison.Ordinal));
        Assert.Contains(merged.Notes, n => n.StartsWith(Note, StringComparison.Ordinal) && n.Contains("chỉ tính số liệu của Xã An Phú đến hết 14/08/2025", StringComparison.Ordinal));

        // Q2 is before the merge: its figures are SQL's too, and its notes say nothing of it.
        var q2 = ReportPeriod.Parse("2025-Q2");
        var provinceQ2 = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(tree.ProvinceA.Id, q2, CancellationToken.None));
        Assert.Equal(await app.WithDbAsync(db => IndependentCounts.CountAsync(db, "concerns.cases", tree.ProvinceA.Path, q2, now)), provinceQ2.Figure(ReportKeys.ConcernsCases)!.Value);
        Assert.DoesNotContain(provinceQ2.Notes, n => n.Contains("Xã An Phú", StringComparison.Ordinal));

        // The dashboard shows the note to a reader of the province.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Reports?unit={tree.ProvinceA.Id}&period=2025-Q3"));
        Assert.Contains(Note, page, StringComparison.Ordinal);
    }
}
