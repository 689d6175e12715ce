using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The public agency figures stored by <see cref="AgencyFiguresPass"/> for every province and commune, against
/// <see cref="AgencyFigures.Compute"/> over each place's case rows (the on-demand path, the oracle); the page reading
/// them with their time, the fallback before the first pass, and one pass at a time across instances.
/// </summary>
public sealed partial class StoredAgencyFiguresTests
{
    private sealed record Agencies(Unit Roads, Unit Health, Unit Hanoi);

    [Theory, Providers]
    public async Task Stored_figures_equal_the_count_over_the_records_for_every_province_and_commune(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        var agencies = await SeedAsync(app, clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var stored = await RunPassAsync(app);
        var places = await app.WithDbAsync(db => db.Units.Where(u => u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune).ToListAsync());
        Assert.Equal(places.Count, stored);
        foreach (var place in places)
        {
            var expected = await app.WithDbAsync(db => AgencyFiguresCache.ComputeAsync(db, place.Path, now, CancellationToken.None));
            Assert.Equal(expected.OrderBy(f => f.AgencyId), await StoredAsync(app, place.Id));
        }

        // What the cases were built to cover: an even count of answers (the median between two times, odd in
        // microseconds), an agency under the minimum, overdue silence counted, rejected and last year's cases not.
        var hanoi = Assert.Single(await StoredAsync(app, app.Tree.CommuneB1.Id));
        Assert.Equal((agencies.Hanoi.Id, 14, 12), (hanoi.AgencyId, hanoi.Counted, hanoi.OnTime));
        Assert.Equal(TimeSpan.FromDays(6.5) + TimeSpan.FromTicks(65), hanoi.MedianToAnswer);
        var health = (await StoredAsync(app, app.Tree.ProvinceA.Id)).Single(f => f.AgencyId == agencies.Health.Id);
        Assert.False(health.Shown);
        Assert.True((await StoredAsync(app, app.Tree.ProvinceA.Id)).Single(f => f.AgencyId == agencies.Roads.Id).Shown);
        Assert.DoesNotContain(await StoredAsync(app, app.Tree.CommuneA2.Id), f => f.AgencyId == agencies.Hanoi.Id);
    }

    [Theory, Providers]
    public async Task The_page_counts_from_the_records_until_the_first_pass_then_shows_the_stored_figures_and_their_time(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        var agencies = await SeedAsync(app, clock);
        var office = app.App.Services.GetRequiredService<OfficeTime>();
        using var resident = app.Client();
        var place = $"/cong/{app.Tree.ProvinceA.Code}/vu-viec";

        // A new install before the first pass: the same figures, counted from the records, and no time line.
        var before = await resident.GetStringAsync(place);
        Assert.DoesNotContain("figures-computed", before, StringComparison.Ordinal);
        Assert.Equal(await ComputedCountsAsync(app, app.Tree.ProvinceA, agencies, clock.GetUtcNow().UtcDateTime), Counts(before));

        clock.Advance(TimeSpan.FromMinutes(3));
        var firstPass = clock.GetUtcNow().UtcDateTime;
        Assert.NotNull(await RunPassAsync(app));
        var page = await resident.GetStringAsync(place + "?trang=1");
        Assert.Contains($"Số liệu tính lúc {office.ClockText(firstPass)} ngày {office.DayText(firstPass)}.", page, StringComparison.Ordinal);
        var firstCounts = Counts(page);
        Assert.Equal(Counts(before), firstCounts);

        // Answer the open cases: the page keeps the stored figures until the next pass, then shows the new ones.
        await app.WithDbAsync(async db =>
        {
            foreach (var c in await db.Cases.Where(c => c.AnsweredAt == null && c.Status != CaseStatus.Rejected).ToListAsync())
            {
                c.Status = CaseStatus.Answered;
                c.AnsweredAt = clock.GetUtcNow().UtcDateTime;
                c.Answer = "Trả lời muộn.";
            }

            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(firstCounts, Counts(await resident.GetStringAsync(place + "?trang=01")));
        clock.Advance(TimeSpan.FromMinutes(10));
        var secondPass = clock.GetUtcNow().UtcDateTime;
        Assert.NotNull(await RunPassAsync(app));
        var after = await resident.GetStringAsync(place + "?trang=001");
        Assert.Contains($"Số liệu tính lúc {office.ClockText(secondPass)} ngày {office.DayText(secondPass)}.", after, StringComparison.Ordinal);
        Assert.NotEqual(firstCounts, Counts(after));
        var expected = await app.WithDbAsync(db => AgencyFiguresCache.ComputeAsync(db, app.Tree.ProvinceA.Path, secondPass, CancellationToken.None));
        Assert.Equal(expected.OrderBy(f => f.AgencyId), await StoredAsync(app, app.Tree.ProvinceA.Id));

        // Hostile unit codes still answer 404 once figures are stored.
        foreach (var code in new[] { "999999", "%3Cscript%3E", "48%27%20OR%201%3D1--", new string('9', 21), "%25", "48%20" })
        {
            using var response = await resident.GetAsync($"/cong/{code}/vu-viec");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // A NUL or an encoded path separator is refused before the page (400), never listed.
        foreach (var code in new[] { "%00", "..%2F..%2Fetc" })
        {
            using var response = await resident.GetAsync($"/cong/{code}/vu-viec");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        }
    }

    [Theory, Providers]
    public async Task The_pass_runs_once_at_a_time_across_instances(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        await SeedAsync(app, clock);
        var now = clock.GetUtcNow().UtcDateTime;

        // Another live instance holds the pass: this one stores nothing.
        await app.WithDbAsync(db => db.AgencyFiguresStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, "other").SetProperty(x => x.LeaseUntil, (DateTime?)now.AddMinutes(5))));
        Assert.Null(await RunPassAsync(app, "this"));
        Assert.Equal(0, await app.WithDbAsync(db => db.AgencyFiguresPlaces.CountAsync()));

        // Its lease ran out (the instance died): two instances start a pass at the same moment.
        clock.Advance(TimeSpan.FromMinutes(6));
        var results = await Task.WhenAll(RunPassAsync(app, "one"), RunPassAsync(app, "two"));
        Assert.Contains(results, r => r is not null);
        var state = await app.WithDbAsync(db => db.AgencyFiguresStates.SingleAsync());
        Assert.Null(state.LeaseOwner);
        Assert.NotNull(state.ComputedAt);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var place in new[] { app.Tree.ProvinceA, app.Tree.CommuneA1, app.Tree.ProvinceB })
        {
            var expected = await app.WithDbAsync(db => AgencyFiguresCache.ComputeAsync(db, place.Path, at, CancellationToken.None));
            Assert.Equal(expected.OrderBy(f => f.AgencyId), await StoredAsync(app, place.Id));
        }
    }

    private static Task<int?> RunPassAsync(TestApp app, string? instance = null)
        => app.WithScopeAsync(s => s.GetRequiredService<AgencyFiguresPass>().RunOnceAsync(CancellationToken.None, instance));

    private static Task<List<AgencyFigures>> StoredAsync(TestApp app, long placeId) => app.WithDbAsync(async db =>
        (await db.StoredAgencyFigures.Where(f => f.PlaceId == placeId).ToListAsync()).Select(f => f.ToFigures()).OrderBy(f => f.AgencyId).ToList());

    private static Task<List<(string, int)>> ComputedCountsAsync(TestApp app, Unit place, Agencies agencies, DateTime now) => app.WithDbAsync(async db =>
    {
        var names = new Dictionary<long, string> { [agencies.Roads.Id] = agencies.Roads.Name, [agencies.Health.Id] = agencies.Health.Name, [agencies.Hanoi.Id] = agencies.Hanoi.Name };
        var figures = await AgencyFiguresCache.ComputeAsync(db, place.Path, now, CancellationToken.None);
        return figures.Select(f => (names[f.AgencyId], f.Counted)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    });

    private static List<(string, int)> Counts(string page)
        => CountRow().Matches(FiguresTable().Match(page).Value).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>Cases over both provinces: answered on time and late, overdue and in-deadline silence, rejected, last year's.</summary>
    private static async Task<Agencies> SeedAsync(TestApp app, FakeTimeProvider clock)
    {
        var roads = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông Đà Nẵng");
        var health = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Y tế Đà Nẵng");
        var hanoi = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        var now = clock.GetUtcNow().UtcDateTime;
        long[] units = [app.Tree.CommuneA1.Id, app.Tree.CommuneA2.Id, app.Tree.ProvinceA.Id, app.Tree.AgencyA1.Id];
        await app.WithDbAsync(async db =>
        {
            Case Make(long unit, long agency, DateTime created, double dueDays, CaseStatus status, TimeSpan? answeredAfter) => new()
            {
                UnitId = unit,
                AgencyId = agency,
                Title = "Vụ việc thử",
                Description = RespondFixture.Text,
                Status = status,
                CreatedAt = created,
                DueAt = created.AddDays(dueDays),
                AnsweredAt = created + answeredAfter,
                Answer = answeredAfter is null ? null : "Đã trả lời.",
            };

            for (var i = 0; i < 60; i++)
            {
                var created = now.AddDays(-(i * 9 % 40) - 0.3).AddHours(-i);
                var agency = i % 9 == 0 ? health.Id : roads.Id;
                var answer = TimeSpan.FromDays(1 + (i % 13)) + TimeSpan.FromMinutes(i * 37) + TimeSpan.FromTicks(i * 10);
                db.Cases.Add(i % 5 == 4 || created + answer > now
                    ? Make(units[i % units.Length], agency, created, 4 + (i % 7), i % 11 == 3 ? CaseStatus.Rejected : CaseStatus.InProgress, null)
                    : Make(units[i % units.Length], agency, created, 4 + (i % 7), i % 3 == 0 ? CaseStatus.Closed : CaseStatus.Answered, answer));
            }

            // Hà Nội: 12 answers k days and 10 k ticks after creation (a median between the 6th and the 7th), two
            // overdue without answer, one within its deadline, one rejected, one from last year.
            for (var k = 1; k <= 12; k++)
            {
                db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-30), 20, CaseStatus.Answered, TimeSpan.FromDays(k) + TimeSpan.FromTicks(k * 10)));
            }

            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-30), 5, CaseStatus.InProgress, null));
            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-30), 5, CaseStatus.Reopened, null));
            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-1), 5, CaseStatus.Assigned, null));
            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-30), 5, CaseStatus.Rejected, null));
            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, now.AddDays(-400), 5, CaseStatus.Answered, TimeSpan.FromDays(1)));
            await db.SaveChangesAsync();
            return 0;
        });
        return new Agencies(roads, health, hanoi);
    }

    [GeneratedRegex("<table id=\"figures\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex FiguresTable();

    [GeneratedRegex("<td[^>]*>([^<]+)</td>\\s*<td[^>]*>(\\d+)</td>", RegexOptions.Singleline)]
    private static partial Regex CountRow();
}
