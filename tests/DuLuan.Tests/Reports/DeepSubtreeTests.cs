using System.Net;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Reports;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Reports;

public sealed class DeepSubtreeTests
{
    [Theory, Providers]
    public async Task A_unit_with_3000_descendants_rolls_up_by_path(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (province, leaves) = await app.WithDbAsync(async db =>
        {
            var province = await ReportSeed.AddUnitAsync(db, app.Tree.Root, "Tỉnh Sâu", UnitKind.Province, "77");
            var districts = Enumerable.Range(0, 30).Select(i => Child(province, $"Cụm {i}", UnitKind.Other)).ToList();
            await AddAsync(db, province, districts);
            var communes = districts.SelectMany(d => Enumerable.Range(0, 100).Select(i => (Parent: d, Unit: Child(d, $"Xã {d.Name} {i}", UnitKind.Commune)))).ToList();
            db.Units.AddRange(communes.Select(c => c.Unit));
            await db.SaveChangesAsync();
            foreach (var (parent, unit) in communes)
            {
                unit.Path = $"{parent.Path}{unit.Id}/";
            }

            await db.SaveChangesAsync();
            var at = new DateTime(2026, 2, 10, 3, 0, 0, DateTimeKind.Utc);
            foreach (var (_, unit) in communes.Where((_, i) => i % 7 == 0))
            {
                db.Cases.Add(new Case { UnitId = unit.Id, Title = "Vụ việc", Description = "x", Status = CaseStatus.New, CreatedAt = at });
            }

            await db.SaveChangesAsync();
            return (province, communes.Count);
        });
        Assert.Equal(3000, leaves);
        var expected = Enumerable.Range(0, 3000).Count(i => i % 7 == 0);
        var figures = await app.WithScopeAsync(s => s.GetRequiredService<IReportFigureSource>().ComputeAsync(province.Id, ReportPeriod.Parse("2026-Q1"), CancellationToken.None));
        Assert.Equal(expected, figures.Figure(ReportKeys.ConcernsCases)!.Value);
        Assert.Equal(0, figures.Figure(ReportKeys.ConcernsCases)!.Previous);

        await app.AddMemberAsync("sau@duluan.test", province, Role.Viewer);
        using var client = app.Client();
        await client.SignInOkAsync("sau@duluan.test");
        using var page = await client.GetAsync($"/Reports?unit={province.Id}&period=2026-Q1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var drill = await client.GetStringAsync($"/Reports/Drill?unit={province.Id}&period=2026-Q1&key=concerns.cases");
        Assert.Contains($"data-total=\"{expected}\"", drill, StringComparison.Ordinal);
    }

    private static Unit Child(Unit parent, string name, UnitKind kind) => new()
    {
        Name = name,
        NameFolded = DuLuan.Analysis.Text.VietnameseFold.Fold(name),
        Kind = kind,
        ParentId = parent.Id,
        Depth = parent.Depth + 1,
        ActiveFrom = new DateOnly(2020, 1, 1),
    };

    private static async Task AddAsync(AppDbContext db, Unit parent, List<Unit> units)
    {
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        foreach (var unit in units)
        {
            unit.Path = $"{parent.Path}{unit.Id}/";
        }

        await db.SaveChangesAsync();
    }
}
