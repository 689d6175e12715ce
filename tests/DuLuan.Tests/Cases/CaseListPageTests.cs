using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The case list's first pages are read per status and merged (CaseListPage); a status with many cases in scope is read
/// with the scope checked per row ("UnitId + 0"). Both ways must give the order of one sorted list over every case.
/// </summary>
public sealed class CaseListPageTests
{
    [Theory, Providers]
    public async Task Pages_read_per_status_with_the_scope_on_an_index_or_per_row_equal_the_sorted_list(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var tree = app.Tree;
        var now = DateTime.UtcNow;
        CaseStatus[] statuses = [CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened, CaseStatus.Answered, CaseStatus.Closed];
        long[] units = [tree.CommuneA1.Id, tree.CommuneA2.Id, tree.CommuneB1.Id];
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 150; i++)
            {
                var k = (i * 37) % 150;
                db.Cases.Add(new Case
                {
                    UnitId = units[k % 3],
                    Title = $"Vụ việc {k}",
                    Description = RespondFixture.Text,
                    Status = statuses[k % statuses.Length],
                    CreatedAt = now.AddDays(-20),
                    DueAt = k % 11 == 0 ? null : now.AddHours((k * 13 % 97) - 48),
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });

        var shown = CaseListPage.Statuses(null);
        var open = new[] { CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened };
        await app.WithDbAsync(async db =>
        {
            var scope = db.Units.Where(u => u.Path.StartsWith(tree.ProvinceA.Path)).Select(u => u.Id);
            var byIndex = db.Cases.AsNoTracking().Where(c => scope.Contains(c.UnitId));
            var perRow = db.Cases.AsNoTracking().Where(c => scope.Contains(c.UnitId + 0));
            var expected = (await byIndex.ToListAsync())
                .Where(c => shown.Contains(c.Status))
                .OrderByDescending(c => open.Contains(c.Status)).ThenBy(c => c.DueAt is null).ThenBy(c => c.DueAt).ThenByDescending(c => c.Id)
                .Select(c => c.Id).ToList();
            Assert.True(expected.Count > 60);
            var wide = shown.ToDictionary(s => s, _ => CaseListPage.WideStatus);
            var narrow = new Dictionary<CaseStatus, int>();
            foreach (var (skip, take) in new[] { (0, 50), (50, 50), (30, 20) })
            {
                var want = expected.Skip(skip).Take(take).ToList();
                Assert.Equal(want, await CaseListPage.IdsAsync(byIndex, perRow, wide, shown, skip, take, CancellationToken.None));
                Assert.Equal(want, await CaseListPage.IdsAsync(byIndex, perRow, narrow, shown, skip, take, CancellationToken.None));
            }

            return 0;
        });
    }
}
