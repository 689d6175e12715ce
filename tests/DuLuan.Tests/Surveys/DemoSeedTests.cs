using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Surveys;

public sealed class DemoSeedTests
{
    [Theory, Providers]
    public async Task The_demo_survey_is_valid_seeded_once_and_shows_weighted_results(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithScopeAsync(async s => { await SurveyDemoSeed.EnsureAsync(s, CancellationToken.None); return 0; });
        await app.WithScopeAsync(async s => { await SurveyDemoSeed.EnsureAsync(s, CancellationToken.None); return 0; });
        var survey = await app.WithDbAsync(db => db.Surveys.SingleAsync());
        Assert.Equal(SurveyStatus.Published, survey.Status);
        Assert.Empty(DefinitionRules.Validate(SurveyDefinition.Parse(survey.DraftJson, out _)!));
        Assert.Equal(3000, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(3000, await app.WithDbAsync(db => db.SurveyUnits.SumAsync(u => u.Received)));
        Assert.True(await app.WithDbAsync(db => db.SurveyUnits.AllAsync(u => u.Quota == null || u.Received < u.Quota)), "A demo quota is over-full.");

        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");
        using var response = await staff.GetAsync($"/api/surveys/{survey.Id}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await SurveyKit.JsonAsync(response);
        Assert.True(report.GetProperty("weighted").GetBoolean());
        var used = report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "used");
        var margin = used.GetProperty("options")[0].GetProperty("margin").GetDouble();
        Assert.InRange(margin, 0.5, 5);
        // Raked to the communes, sex and age band at once, converged, trimmed at 5 × the mean weight.
        var calibration = report.GetProperty("calibration");
        Assert.Equal("raking", calibration.GetProperty("method").GetString());
        Assert.True(calibration.GetProperty("converged").GetBoolean());
        Assert.InRange(calibration.GetProperty("maxMarginError").GetDouble(), 0, 0.5);
        Assert.Contains("giới tính và nhóm tuổi", used.GetProperty("options")[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        var page = await staff.GetStringAsync($"/Surveys/Results?id={survey.Id}");
        Assert.Contains("id=\"calibration\"", page, StringComparison.Ordinal);
        Assert.Contains("Hiệu chỉnh trọng số lặp (raking) theo đơn vị, giới tính, nhóm tuổi", page, StringComparison.Ordinal);
        // Counts are grouped as the report's language writes them.
        Assert.Contains("3.000 phiếu.", page, StringComparison.Ordinal);
        Assert.Contains("3,000 responses.", await staff.GetStringAsync($"/Surveys/Results?id={survey.Id}&lang=en"), StringComparison.Ordinal);

        // The answers pass the public rules and count against the commune's quota.
        using var resident = app.Client();
        using var sent = await SurveyKit.SubmitAsync(resident, survey.Id, new
        {
            idempotencyKey = SurveyKit.Key(),
            responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["commune"] = app.Tree.CommuneA1.Id, ["age"] = "a30", ["sex"] = "female", ["used"] = "yes", ["purpose"] = new[] { "land" }, ["satisfaction"] = "s4", ["wait"] = 12 } } },
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(3001, await app.WithDbAsync(db => db.SurveyUnits.SumAsync(u => u.Received)));
    }
}
