using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Cases;

public sealed class AnsweredListTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static AgencyFigures.CaseTimes Times(CaseStatus status, double createdDaysAgo, double dueAfterDays, double? answeredAfterDays)
    {
        var created = Now.AddDays(-createdDaysAgo);
        return new(1, status, created, created.AddDays(dueAfterDays), answeredAfterDays is { } a ? created.AddDays(a) : null);
    }

    [Fact]
    public void Silence_counts_against_an_agency_and_cases_within_their_deadline_or_rejected_do_not_count()
    {
        var figures = AgencyFigures.Compute(
        [
            Times(CaseStatus.Answered, 20, 7, 2),
            Times(CaseStatus.Closed, 20, 7, 4),
            Times(CaseStatus.Answered, 20, 7, 9),
            Times(CaseStatus.InProgress, 20, 7, null),
            Times(CaseStatus.Assigned, 1, 7, null),
            Times(CaseStatus.Rejected, 20, 7, null),
        ], Now).Single();
        Assert.Equal(4, figures.Counted);
        Assert.Equal(2, figures.OnTime);
        Assert.Equal(0.5, figures.OnTimeShare);
        Assert.Equal(TimeSpan.FromDays(4), figures.MedianToAnswer);
        Assert.False(figures.Shown);
        Assert.Equal(TimeSpan.FromDays(3), AgencyFigures.Median([TimeSpan.FromDays(2), TimeSpan.FromDays(4)]));
        Assert.Null(AgencyFigures.Median([]));
    }

    [Theory, Providers]
    public async Task The_public_list_shows_answered_cases_of_the_place_and_figures_only_from_ten_cases(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var busy = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        var quiet = await AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Y tế Đà Nẵng");
        var hanoi = await AddAgencyAsync(app, app.Tree.ProvinceB, "Sở Xây dựng Hà Nội");
        await app.WithDbAsync(async db =>
        {
            Case Make(long unitId, long agencyId, string title, CaseStatus status, int createdDaysAgo, double? answeredAfterDays)
            {
                var created = Now.AddDays(-createdDaysAgo);
                return new Case
                {
                    UnitId = unitId,
                    AgencyId = agencyId,
                    Title = title,
                    Description = RespondFixture.Text,
                    Status = status,
                    CreatedAt = created,
                    DueAt = created.AddDays(7),
                    AnsweredAt = answeredAfterDays is { } a ? created.AddDays(a) : null,
                    Answer = answeredAfterDays is null ? null : $"Trả lời cho {title}.",
                };
            }

            for (var i = 0; i < 9; i++)
            {
                db.Cases.Add(Make(i % 2 == 0 ? app.Tree.CommuneA1.Id : app.Tree.CommuneA2.Id, busy.Id, $"Đúng hạn số {i}", CaseStatus.Answered, 30, 1 + i * 0.5));
            }

            db.Cases.Add(Make(app.Tree.CommuneA1.Id, busy.Id, "Trả lời trễ", CaseStatus.Closed, 30, 10));
            db.Cases.Add(Make(app.Tree.CommuneA1.Id, busy.Id, "Im lặng quá hạn 1", CaseStatus.InProgress, 30, null));
            db.Cases.Add(Make(app.Tree.CommuneA1.Id, busy.Id, "Im lặng quá hạn 2", CaseStatus.Assigned, 30, null));
            db.Cases.Add(Make(app.Tree.CommuneA1.Id, busy.Id, "Còn trong hạn", CaseStatus.Assigned, 1, null));
            db.Cases.Add(Make(app.Tree.CommuneA1.Id, busy.Id, "Vụ việc của năm ngoái", CaseStatus.Answered, 400, 30));
            for (var i = 0; i < 3; i++)
            {
                db.Cases.Add(Make(app.Tree.CommuneA2.Id, quiet.Id, $"Y tế số {i}", CaseStatus.Answered, 10, 1));
            }

            db.Cases.Add(Make(app.Tree.CommuneB1.Id, hanoi.Id, "Vụ việc ở Hà Nội", CaseStatus.Answered, 10, 1));
            await db.SaveChangesAsync();
            return 0;
        });

        using var resident = app.Client();
        var province = await resident.GetStringAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec");
        Assert.Contains("Đúng hạn số 8", province, StringComparison.Ordinal);
        Assert.Contains("Trả lời cho Trả lời trễ.", province, StringComparison.Ordinal);
        Assert.DoesNotContain("Im lặng quá hạn", province, StringComparison.Ordinal);
        Assert.DoesNotContain("Hà Nội", province, StringComparison.Ordinal);
        // 12 owed answers (9 on time, 1 late, 2 overdue without answer): 75 %; last year's case is outside the period.
        var busyRow = Regex.Match(province, "<td[^>]*>Sở Xây dựng Đà Nẵng</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td class=\"on-time\"[^>]*>(\\d+)");
        // On a phone the table is a stack of cards: every figure carries its column's name.
        Assert.Contains("<td class=\"on-time\" data-label=\"Trả lời đúng hạn\">75%</td>", province, StringComparison.Ordinal);
        Assert.True(busyRow.Success, province);
        Assert.Equal("12", busyRow.Groups[1].Value);
        Assert.Equal("75", busyRow.Groups[2].Value);
        var quietRow = Regex.Match(province, "<td[^>]*>Sở Y tế Đà Nẵng</td>\\s*<td[^>]*>3</td>\\s*<td colspan=\"2\" class=\"muted\">Chưa đủ vụ việc để công bố");
        Assert.True(quietRow.Success, province);

        var commune = await resident.GetStringAsync($"/cong/{app.Tree.CommuneA2.Code}/vu-viec");
        Assert.Contains("Đúng hạn số 1", commune, StringComparison.Ordinal);
        Assert.DoesNotContain("Đúng hạn số 0", commune, StringComparison.Ordinal);
        Assert.DoesNotContain("Trả lời trễ", commune, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_public_list_answers_hostile_addresses_with_not_found_or_a_clamped_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        foreach (var path in new[] { "/vu-viec/don-vi/999999", $"/vu-viec/don-vi/{app.Tree.AgencyA1.Id}", $"/vu-viec/don-vi/{app.Tree.Root.Id}", "/vu-viec/don-vi/-1", "/cong/999999/vu-viec", "/cong/%3Cscript%3E/vu-viec", $"/cong/{new string('9', 21)}/vu-viec" })
        {
            using var response = await resident.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Not a number at all: no page matches, and the app's fallback (sign-in) answers, never a list.
        foreach (var path in new[] { "/vu-viec/don-vi/abc", "/vu-viec/don-vi/99999999999999999999999" })
        {
            using var response = await resident.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var page in new[] { "-5", "0", "abc", "99999999999", "2147483647", "<script>" })
        {
            using var response = await resident.GetAsync($"/cong/{app.Tree.ProvinceA.Code}/vu-viec?trang={Uri.EscapeDataString(page)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
