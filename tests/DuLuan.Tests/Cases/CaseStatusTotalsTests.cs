using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Reports.Figures.Sums;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The case list's counts per status come from running totals kept in every case's save: after cases are created,
/// routed, answered, closed, rejected, reopened and deleted they equal a count over the case rows, before and after
/// the sums are rebuilt from the records.
/// </summary>
public sealed partial class CaseStatusTotalsTests
{
    [Theory, Providers]
    public async Task The_counts_per_status_equal_a_direct_count_after_every_kind_of_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: false, CancellationToken.None));
        var ids = await app.WithDbAsync(async db =>
        {
            var created = new List<Case>();
            long[] units = [tree.CommuneA1.Id, tree.CommuneA2.Id, tree.ProvinceA.Id, tree.CommuneB1.Id];
            for (var i = 0; i < 40; i++)
            {
                created.Add(new Case
                {
                    UnitId = units[i % units.Length],
                    Title = $"Vụ việc số {i}",
                    Description = "Mô tả vụ việc số " + i,
                    Status = i % 3 == 0 ? CaseStatus.New : CaseStatus.Assigned,
                    Category = i % 2 == 0 ? "giao-thong" : "moi-truong",
                    CreatedAt = DateTime.UtcNow.AddDays(-i),
                    DueAt = DateTime.UtcNow.AddDays(10 - i),
                });
            }

            db.Cases.AddRange(created);
            await db.SaveChangesAsync();
            return created.Select(c => c.Id).ToList();
        });

        await app.WithDbAsync(async db =>
        {
            var cases = await db.Cases.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                switch (i % 7)
                {
                    case 1:
                        c.AgencyId = tree.AgencyA1.Id;
                        c.Status = CaseStatus.InProgress;
                        break;
                    case 2:
                        c.Status = CaseStatus.Answered;
                        c.Answer = "Đã trả lời.";
                        c.AnsweredAt = DateTime.UtcNow;
                        break;
                    case 3:
                        c.Status = CaseStatus.Closed;
                        c.ClosedAt = DateTime.UtcNow;
                        break;
                    case 4:
                        c.Status = CaseStatus.Rejected;
                        break;
                    case 5:
                        c.Status = CaseStatus.Reopened;
                        break;
                    case 6:
                        // Moved to another commune of the province (re-filed where it belongs).
                        c.UnitId = tree.CommuneA2.Id;
                        break;
                }
            }

            db.Cases.Remove(cases[^1]);
            await db.SaveChangesAsync();
            return 0;
        });

        var viewer = await app.AddMemberAsync("viewer@48.vn", tree.ProvinceA, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync(viewer.Email!);
        var expected = await DirectAsync(app, tree.ProvinceA.Path, category: null);
        Assert.True(expected.Count >= 5, string.Join(", ", expected));
        Assert.Equal(expected, await KeptAsync(app, tree.ProvinceA.Path));
        Assert.Equal(expected, Shown(await client.GetStringAsync("/Cases?status=all")));

        // A filter counts from the cases themselves; a rebuild from the records gives the same totals.
        Assert.Equal(await DirectAsync(app, tree.ProvinceA.Path, "giao-thong"), Shown(await client.GetStringAsync("/Cases?status=all&category=giao-thong")));
        await app.WithScopeAsync(s => s.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: true, CancellationToken.None));
        Assert.Equal(expected, await KeptAsync(app, tree.ProvinceA.Path));
        Assert.Equal(expected, Shown(await client.GetStringAsync("/Cases?status=all")));
    }

    private static Task<Dictionary<string, int>> DirectAsync(TestApp app, string prefix, string? category) => app.WithDbAsync(async db =>
    {
        var units = await db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id).ToListAsync();
        var rows = await db.Cases.AsNoTracking().ToListAsync();
        return rows.Where(c => units.Contains(c.UnitId) && (category is null || c.Category == category))
            .GroupBy(c => c.Status).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
    });

    private static Task<Dictionary<string, int>> KeptAsync(TestApp app, string prefix) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var kept = await CaseStatusTotals.ReadAsync(s.GetRequiredService<IRunningTotals>(), db.Units.Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id), CancellationToken.None);
        Assert.NotNull(kept);
        return kept.OrderBy(k => k.Key.ToString(), StringComparer.Ordinal).ToDictionary(k => k.Key.ToString(), k => k.Value);
    });

    private static Dictionary<string, int> Shown(string page)
        => StatusCount().Matches(WebUtility.HtmlDecode(page))
            .Where(m => m.Groups[2].Value != "0")
            .OrderBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("data-status=\"(\\w+)\">([\\d.]+)<")]
    private static partial Regex StatusCount();
}
