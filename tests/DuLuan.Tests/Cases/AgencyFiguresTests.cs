using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

/// <summary>
/// The public page's agency figures (/cong/{code}/vu-viec) against a count made here over every case row, after cases
/// are created, routed, answered, closed, rejected and reopened; and the figures kept for a few minutes per place.
/// </summary>
public sealed partial class AgencyFiguresTests
{
    [Theory, Providers]
    public async Task The_public_figures_equal_a_direct_count_over_the_case_rows_and_follow_changes_after_their_lifetime(DatabaseProvider provider)
    {
        var clock = TestClock.StartingNow();
        await using var app = await TestApp.StartAsync(provider, configure: clock.Install());
        var roads = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Giao thông Đà Nẵng");
        var health = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Y tế Đà Nẵng");
        var hanoi = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Giao thông Hà Nội");
        var now = clock.GetUtcNow().UtcDateTime;
        long[] units = [app.Tree.CommuneA1.Id, app.Tree.CommuneA2.Id, app.Tree.ProvinceA.Id];
        var ids = await app.WithDbAsync(async db =>
        {
            var created = new List<Case>();
            for (var i = 0; i < 48; i++)
            {
                var at = now.AddDays(-(i * 9 % 40) - 0.3).AddHours(-i);
                created.Add(new Case
                {
                    UnitId = units[i % units.Length],
                    AgencyId = i % 5 == 0 ? health.Id : roads.Id,
                    Title = $"Vụ việc số {i}",
                    Description = RespondFixture.Text,
                    Status = CaseStatus.Assigned,
                    CreatedAt = at,
                    DueAt = at.AddDays(4 + (i % 7)),
                });
            }

            created.Add(new Case { UnitId = app.Tree.CommuneA1.Id, AgencyId = roads.Id, Title = "Năm ngoái", Description = RespondFixture.Text, Status = CaseStatus.Assigned, CreatedAt = now.AddDays(-380), DueAt = now.AddDays(-370) });
            created.Add(new Case { UnitId = app.Tree.CommuneB1.Id, AgencyId = hanoi.Id, Title = "Hà Nội", Description = RespondFixture.Text, Status = CaseStatus.Assigned, CreatedAt = now.AddDays(-20), DueAt = now.AddDays(-10) });
            db.Cases.AddRange(created);
            await db.SaveChangesAsync();
            return created.Select(c => c.Id).ToList();
        });

        // Route, answer (on time or late), close, reject and reopen some of them, as the workflow leaves the rows.
        await app.WithDbAsync(async db =>
        {
            var cases = await db.Cases.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i];
                if (i % 6 == 1)
                {
                    c.AgencyId = c.AgencyId == roads.Id ? health.Id : roads.Id;
                }

                if (i % 4 != 3 && c.CreatedAt.AddDays(1 + (i % 13)) < now)
                {
                    c.Status = i % 3 == 0 ? CaseStatus.Closed : CaseStatus.Answered;
                    c.AnsweredAt = c.CreatedAt.AddDays(1 + (i % 13)).AddHours(i);
                    c.Answer = $"Trả lời số {i}.";
                    c.ClosedAt = c.Status == CaseStatus.Closed ? c.AnsweredAt : null;
                }
                else if (i % 11 == 3)
                {
                    c.Status = CaseStatus.Rejected;
                    c.ClosedAt = now;
                }
                else if (i % 8 == 7)
                {
                    c.Status = CaseStatus.Reopened;
                }
            }

            await db.SaveChangesAsync();
            return 0;
        });

        using var resident = app.Client();
        await AssertFiguresAsync(app, resident, app.Tree.ProvinceA, now, string.Empty);
        await AssertFiguresAsync(app, resident, app.Tree.CommuneA1, now, string.Empty);
        var before = Figures(await resident.GetStringAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec"));

        // Answer every remaining case of the province late: within the lifetime the figures stay as they were
        // (another page number misses the output cache, not the figures); after it, they are counted again.
        await app.WithDbAsync(async db =>
        {
            foreach (var c in await db.Cases.Where(c => ids.Contains(c.Id) && c.AnsweredAt == null && c.Status != CaseStatus.Rejected && c.UnitId != app.Tree.CommuneB1.Id).ToListAsync())
            {
                c.Status = CaseStatus.Answered;
                c.AnsweredAt = now;
                c.Answer = "Trả lời muộn.";
            }

            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(before, Figures(await resident.GetStringAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec?trang=1")));
        clock.Advance(AgencyFiguresCache.Lifetime + TimeSpan.FromSeconds(1));
        var nowAfter = clock.GetUtcNow().UtcDateTime;
        var expected = await ExpectedAsync(app, app.Tree.ProvinceA, nowAfter);
        Assert.NotEqual(before, expected);
        var shown = before;
        for (var attempt = 0; attempt < 100 && !shown.SequenceEqual(expected); attempt++)
        {
            // The first request after the lifetime gets the old figures and starts counting again in the background.
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            shown = Figures(await resident.GetStringAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec?trang=0{attempt}"));
        }

        Assert.Equal(expected, shown);
    }

    private static async Task AssertFiguresAsync(TestApp app, TestClient resident, Unit place, DateTime now, string query)
    {
        var expected = await ExpectedAsync(app, place, now);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Figures(await resident.GetStringAsync($"/cong/{place.Code}/vu-viec{query}")));
    }

    /// <summary>Each agency's row as the page prints it, counted here from every case row of the place's subtree.</summary>
    private static Task<List<string>> ExpectedAsync(TestApp app, Unit place, DateTime now) => app.WithDbAsync(async db =>
    {
        var inPlace = await db.Units.Where(u => u.Path.StartsWith(place.Path)).Select(u => u.Id).ToListAsync();
        var rows = (await db.Cases.AsNoTracking().ToListAsync()).Where(c => inPlace.Contains(c.UnitId) && c.AgencyId != null && c.CreatedAt >= now.AddDays(-365)).ToList();
        var names = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Name);
        return rows.Where(c => c.Status != CaseStatus.Rejected && (c.AnsweredAt != null || c.DueAt < now)).GroupBy(c => c.AgencyId!.Value)
            .Select(g =>
            {
                var owed = g.ToList();
                var onTime = owed.Count(c => c.AnsweredAt is { } a && a <= c.DueAt);
                var days = owed.Where(c => c.AnsweredAt != null).Select(c => (c.AnsweredAt!.Value - c.CreatedAt).Ticks).Order().ToList();
                var median = days.Count == 0 ? (long?)null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
                var shown = owed.Count >= AgencyFigures.MinimumCases
                    ? $"{VietnameseFormat.Share((double)onTime / owed.Count)} {(median is { } m ? VietnameseFormat.Days(TimeSpan.FromTicks(m)) + " ngày" : "—")}"
                    : "chưa đủ";
                return (Name: names[g.Key], Row: $"{names[g.Key]}|{owed.Count}|{shown}");
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Row).ToList();
    });

    private static List<string> Figures(string page)
    {
        var table = FiguresTable().Match(page);
        Assert.True(table.Success, page);
        return FigureRow().Matches(table.Value)
            .Select(m => $"{m.Groups["agency"].Value}|{m.Groups["count"].Value}|{(m.Groups["share"].Success ? $"{m.Groups["share"].Value} {m.Groups["median"].Value}" : "chưa đủ")}")
            .ToList();
    }

    [GeneratedRegex("<table id=\"figures\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex FiguresTable();

    [GeneratedRegex("<td[^>]*>(?<agency>[^<]+)</td>\\s*<td[^>]*>(?<count>\\d+)</td>\\s*(?:<td class=\"on-time\"[^>]*>(?<share>[^<]+)</td>\\s*<td[^>]*>(?<median>[^<]+)</td>|<td colspan=\"2\")", RegexOptions.Singleline)]
    private static partial Regex FigureRow();
}
