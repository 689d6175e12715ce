using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The answered list's merged walks (one query per unit on both engines, or on PostgreSQL one statement with a lateral
/// walk per unit) give the same page as the single sorted query over every answered case of the place, the oracle: ties on the
/// answer time, open, rejected and unanswered cases, places with and without cases, first, middle and last pages.
/// </summary>
public sealed class AnsweredPageTests
{
    [Theory, Providers]
    public async Task Every_way_of_reading_a_page_of_answered_cases_gives_the_sorted_querys_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var answeredAt = new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            var units = new[] { app.Tree.ProvinceA.Id, app.Tree.CommuneA1.Id, app.Tree.CommuneA2.Id, app.Tree.CommuneB1.Id };
            for (var i = 0; i < 170; i++)
            {
                var status = (i % 9) switch { 0 => CaseStatus.InProgress, 1 => CaseStatus.Rejected, 2 => CaseStatus.Closed, _ => CaseStatus.Answered };
                var answered = status is CaseStatus.Answered or CaseStatus.Closed;
                db.Cases.Add(new Case
                {
                    UnitId = units[i % (i < 120 ? 3 : 4)],
                    Title = $"Vụ việc số {i}",
                    Description = RespondFixture.Text,
                    Status = status,
                    CreatedAt = answeredAt.AddDays(-30),
                    DueAt = answeredAt.AddDays(-20),
                    // Many ties: every fourth case shares its answer minute with the next ones.
                    AnsweredAt = answered ? answeredAt.AddMinutes(-(i / 4)) : null,
                    // An answered case without its answer text is not listed.
                    Answer = answered && i % 31 != 5 ? $"Trả lời số {i}." : null,
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });

        foreach (var place in new[] { app.Tree.ProvinceA, app.Tree.CommuneA1, app.Tree.CommuneA2, app.Tree.ProvinceB, app.Tree.AgencyA1 })
        {
            foreach (var (skip, take) in new[] { (0, 51), (50, 51), (100, 51), (0, 1), (7, 13), (200, 51) })
            {
                await app.WithDbAsync(async db =>
                {
                    var oracle = await AnsweredPage.SortedAsync(db, place.Path, skip, take, CancellationToken.None);
                    var perUnit = AnsweredPage.Merge(await AnsweredPage.PerUnitAsync(db, place.Path, skip + take, CancellationToken.None), skip, take);
                    // The lateral statement is PostgreSQL's own (SQLite has no lateral join and reads unit by unit).
                    var oneStatement = provider == DatabaseProvider.Postgres ? AnsweredPage.Merge(await AnsweredPage.OneStatementAsync(db, place.Path, skip + take, CancellationToken.None), skip, take) : oracle;
                    var page = await AnsweredPage.IdsAsync(db, place.Path, skip, take, CancellationToken.None);
                    Assert.Equal(oracle, perUnit);
                    Assert.Equal(oracle, oneStatement);
                    Assert.Equal(oracle, page);
                    return 0;
                });
            }
        }

        var province = await app.WithDbAsync(db => AnsweredPage.SortedAsync(db, app.Tree.ProvinceA.Path, 0, 1000, CancellationToken.None));
        Assert.InRange(province.Count, 60, 120);
    }
}
