using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Monitoring;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Claims;

public sealed class ClaimsDemoSeedTests
{
    [Theory, Providers]
    public async Task The_demo_shows_two_published_rebuttals_and_an_open_claim_with_a_suggestion(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id;
        await app.WithScopeAsync(async s =>
        {
            await MonitoringDemoSeed.EnsureAsync(s, unit, "http://127.0.0.1:9/", CancellationToken.None);
            await ClaimsDemo.EnsureAsync(s, unit, CancellationToken.None);
            await ClaimsDemo.EnsureAsync(s, unit, CancellationToken.None);
            return 0;
        });

        var claims = await app.WithDbAsync(db => db.Claims.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(3, claims.Count);
        Assert.Equal(2, claims.Count(c => c.PublishedAt is not null));
        var open = claims.Single(c => c.PublishedAt is null);
        var pending = Assert.Single(await app.WithDbAsync(db => db.ClaimMatches.Where(m => m.Status == MatchStatus.Pending).ToListAsync()));
        Assert.Equal(open.Id, pending.ClaimId);
        Assert.True(await app.WithDbAsync(db => db.ClaimLinks.CountAsync(l => l.Kind == ClaimLinkKind.Story)) >= 2);

        using var anonymous = app.Client();
        var list = await anonymous.GetStringAsync("/cong/48/kiem-chung");
        foreach (var claim in claims.Where(c => c.PublishedAt is not null))
        {
            Assert.Contains($"/cong/48/kiem-chung/{claim.Id}\"", list, StringComparison.Ordinal);
            var page = await anonymous.GetStringAsync($"/cong/48/kiem-chung/{claim.Id}");
            Assert.NotEmpty(ClaimsFixture.JsonLd(page).GetProperty("itemReviewed").GetProperty("appearance").EnumerateArray());
        }
    }
}
