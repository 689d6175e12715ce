using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Features.Opinions;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Opinions;

public sealed class DemoSeedTests
{
    [Theory, Providers]
    public async Task The_demo_seed_fills_last_months_briefing_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithScopeAsync(async s =>
        {
            await OpinionsDemoSeed.EnsureAsync(s, CancellationToken.None);
            return 0;
        });
        var reports = await app.WithDbAsync(db => db.OpinionReports.CountAsync());
        var concerns = await app.WithDbAsync(db => db.Concerns.CountAsync(c => c.Source == ConcernSource.OpinionReport));
        Assert.Equal(4, reports);
        Assert.True(concerns > 0);
        await app.WithScopeAsync(async s =>
        {
            await OpinionsDemoSeed.EnsureAsync(s, CancellationToken.None);
            return 0;
        });
        Assert.Equal(reports, await app.WithDbAsync(db => db.OpinionReports.CountAsync()));

        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        using var json = await editor.GetAsync("/Opinions/Briefing?handler=Json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(app.Tree.ProvinceA.Id, doc.RootElement.GetProperty("unitId").GetInt64());
        Assert.Equal(2, doc.RootElement.GetProperty("communes").GetInt32());
        var topics = doc.RootElement.GetProperty("topics").EnumerateArray().ToList();
        Assert.True(topics.Count >= 4, doc.RootElement.ToString());
        Assert.Contains(topics, t => t.GetProperty("trend").GetString() == "Rising");
        Assert.Contains(topics, t => t.GetProperty("trend").GetString() == "New");
    }
}
