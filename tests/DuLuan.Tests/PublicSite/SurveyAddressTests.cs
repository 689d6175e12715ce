using System.Net;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.PublicSite;

/// <summary>Surveys are answered under their place's site (/cong/{code}/khao-sat/{id}); the first address moves there for good.</summary>
public sealed class SurveyAddressTests
{
    [Theory, Providers]
    public async Task A_survey_lives_under_its_place_and_the_old_address_moves_permanently(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var provinceSurvey = await SurveyKit.PublishedAsync(app);
        // A team's survey belongs to the commune that holds the team (the team has no site of its own).
        var teamSurvey = await SurveyKit.PublishedAsync(app);
        await app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.SingleAsync(s => s.Id == teamSurvey);
            survey.UnitId = app.Tree.AgencyA1.Id;
            return await db.SaveChangesAsync();
        });
        using var resident = app.Client();

        using (var moved = await resident.GetAsync($"/khao-sat/{provinceSurvey}?lang=en"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/cong/48/khao-sat/{provinceSurvey}?lang=en", moved.Headers.Location!.OriginalString);
        }

        using (var moved = await resident.GetAsync($"/khao-sat/{teamSurvey}"))
        {
            Assert.Equal($"/cong/20200/khao-sat/{teamSurvey}", moved.Headers.Location!.OriginalString);
        }

        // Another place's address leads to the survey's own; a draft or an unknown survey is not found anywhere.
        using (var elsewhere = await resident.GetAsync($"/cong/01/khao-sat/{teamSurvey}"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, elsewhere.StatusCode);
            Assert.Equal($"/cong/20200/khao-sat/{teamSurvey}", elsewhere.Headers.Location!.OriginalString);
        }

        await app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.SingleAsync(s => s.Id == provinceSurvey);
            survey.Status = SurveyStatus.Draft;
            return await db.SaveChangesAsync();
        });
        foreach (var path in new[] { $"/khao-sat/{provinceSurvey}", $"/cong/48/khao-sat/{provinceSurvey}", "/khao-sat/999999", "/cong/48/khao-sat/999999" })
        {
            using var missing = await resident.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // The page: the place's layout and navigation, no cookie (anonymous), the language links on the new address.
        using var page = await resident.GetAsync($"/cong/20200/khao-sat/{teamSurvey}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("id=\"public-nav\"", html, StringComparison.Ordinal);
        Assert.Contains("Phường Hoà Khánh", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cong/20200/khao-sat/{teamSurvey}?lang=km\"", html, StringComparison.Ordinal);

        // The province's list (its own and its units' surveys) links to each survey's own address; the commune lists its team's.
        var provinceList = await resident.GetStringAsync("/cong/48/khao-sat");
        Assert.Contains($"href=\"/cong/20200/khao-sat/{teamSurvey}?lang=vi\"", provinceList, StringComparison.Ordinal);
        Assert.DoesNotContain($"/khao-sat/{provinceSurvey}", provinceList, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cong/20200/khao-sat/{teamSurvey}?lang=vi\"", await resident.GetStringAsync("/cong/20200/khao-sat"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/khao-sat/{teamSurvey}", await resident.GetStringAsync("/cong/20194/khao-sat"), StringComparison.Ordinal);
    }
}
