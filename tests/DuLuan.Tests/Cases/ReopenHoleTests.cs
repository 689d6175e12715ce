using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Cases;

/// <summary>
/// Regression (issue #16, item 4): anyone could reopen any answered case by posting ?handler=Reopen to
/// /vu-viec/{id}, and ids were sequential. Only the resident holding the follow-up code may reopen, and
/// public links carry a random reference.
/// </summary>
public sealed partial class ReopenHoleTests
{
    [Theory, Providers]
    public async Task A_stranger_cannot_reopen_an_answered_case_nor_find_it_by_its_number(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await RespondFixture.AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng");
        var answered = await RespondFixture.AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id, "Ổ gà đường Âu Cơ", CaseStatus.Answered);
        await app.WithDbAsync(async db =>
        {
            var item = await db.Cases.SingleAsync(c => c.Id == answered.Id);
            item.Answer = "Đã vá xong.";
            item.AnsweredAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

        using var stranger = app.Client();
        var numeric = $"/vu-viec/{RespondFixture.S(answered.Id)}";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(numeric)).StatusCode);

        // The antiforgery token of any public form is enough to post; the post must still change nothing.
        using (var forged = await stranger.PostFormAsync($"/cong/{app.Tree.CommuneA1.Code}/phan-anh", new Dictionary<string, string>(), numeric + "?handler=Reopen"))
        {
            Assert.False(forged.IsSuccessStatusCode || forged.StatusCode == HttpStatusCode.Redirect, forged.StatusCode.ToString());
        }

        var list = await stranger.GetStringAsync($"/cong/{app.Tree.CommuneA1.Code}/vu-viec");
        var link = PublicLink().Match(list);
        Assert.True(link.Success, list);
        Assert.DoesNotMatch("^[0-9]+$", link.Groups[1].Value);
        var page = await stranger.GetStringAsync("/vu-viec/" + link.Groups[1].Value);
        Assert.Contains("Ổ gà đường Âu Cơ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reopen\"", page, StringComparison.Ordinal);
        using (var byReference = await stranger.PostFormAsync($"/cong/{app.Tree.CommuneA1.Code}/phan-anh", new Dictionary<string, string>(), "/vu-viec/" + link.Groups[1].Value + "?handler=Reopen"))
        {
            Assert.False(byReference.IsSuccessStatusCode || byReference.StatusCode == HttpStatusCode.Redirect, byReference.StatusCode.ToString());
        }

        Assert.Equal(CaseStatus.Answered, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == answered.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Status == CaseStatus.Reopened)));
    }

    [GeneratedRegex("href=\"/vu-viec/([^\"/?]+)\"")]
    private static partial Regex PublicLink();
}
