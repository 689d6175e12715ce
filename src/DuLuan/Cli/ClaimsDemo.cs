using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

/// <summary>
/// Seeds the demo's claims once, after the monitoring demo. The composition root joins the two capabilities: the invented
/// false stories of <see cref="ClaimsDemoSeed"/> are ingested through the demo feeds over several days, each is registered
/// as a claim linked to the stories it started, with a published rebuttal; a third claim is left open, and a later rewrite
/// of it arrives through ingest, where the claims observer leaves a pending suggestion on it.
/// </summary>
public static class ClaimsDemo
{
    public static async Task EnsureAsync(IServiceProvider services, long unitId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await ClaimsDemoSeed.SeededAsync(db, unitId, ct))
        {
            return;
        }

        var feeds = await db.Feeds.Where(f => f.UnitId == unitId).OrderBy(f => f.Id).ToListAsync(ct);
        if (feeds.Count == 0)
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ingest = services.GetRequiredService<ArticleIngest>();
        for (var i = 0; i < ClaimsDemoSeed.Answered.Count; i++)
        {
            var demo = ClaimsDemoSeed.Answered[i];
            for (var a = 0; a < demo.Articles.Length; a++)
            {
                var at = now.AddDays(-9 + i * 3 + a).AddHours(-a * 5);
                await ingest.IngestAsync(feeds[a % feeds.Count], [Entry($"claim{i}-{a}", demo.Articles[a], at)], ct);
            }

            var storyIds = await db.Articles.Where(x => x.Url != null && x.Url.Contains($"/claim{i}-")).Select(x => x.StoryId).Distinct().ToListAsync(ct);
            var stories = new List<ClaimsDemoSeed.DemoStory>();
            foreach (var storyId in storyIds)
            {
                var first = await db.Stories.Where(s => s.Id == storyId).Select(s => s.FirstSeenAt).SingleAsync(ct);
                stories.Add(new ClaimsDemoSeed.DemoStory(storyId, feeds[0].Outlet, first));
            }

            await ClaimsDemoSeed.AddAnsweredAsync(db, unitId, demo, stories, now.UtcDateTime.AddDays(-6 + i * 3), ct);
        }

        await ClaimsDemoSeed.AddOpenAsync(db, unitId, now.UtcDateTime.AddDays(-2), ct);
        await ingest.IngestAsync(feeds[^1], [Entry("claim-open-0", ClaimsDemoSeed.OpenClaimRewrite, now.AddHours(-3))], ct);
    }

    private static ParsedEntry Entry(string id, string text, DateTimeOffset at) => new()
    {
        Id = "demo-" + id,
        Title = text,
        Link = "https://example.vn/demo/" + id,
        ContentText = text,
        Published = at,
        Categories = [],
    };
}
