using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>A story is one event: one template filled with nine wards is nine stories and raises no "spreading" alert.</summary>
public sealed class StoryGroupingTests
{
    private static readonly string[] Wards = ["Hòa Khánh", "Hòa Minh", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang", "Liên Chiểu"];

    private static async Task<List<Feed>> FeedsAsync(TestApp app, long unit) => await app.WithDbAsync(async db =>
    {
        var feeds = Enumerable.Range(0, 3).Select(i => new Feed
        {
            UnitId = unit,
            Url = $"https://bao{i}.example.vn/rss",
            Name = "Báo " + i,
            Outlet = "Báo " + i,
            CreatedAt = DateTime.UtcNow,
            NextPollAt = DateTime.UtcNow.AddDays(1),
        }).ToList();
        db.Feeds.AddRange(feeds);
        await db.SaveChangesAsync();
        return feeds;
    });

    private static ParsedEntry Entry(string id, string text, DateTimeOffset at) => new()
    {
        Id = id,
        Title = text.Split(':')[0],
        Link = $"https://example.vn/{id}",
        ContentText = text,
        Published = at,
    };

    [Theory, Providers]
    public async Task Flooding_in_nine_wards_is_nine_stories_and_no_spreading_alert(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id;
        var feeds = await FeedsAsync(app, unit);
        var now = DateTimeOffset.UtcNow;
        await app.WithScopeAsync(async s =>
        {
            var ingest = s.GetRequiredService<ArticleIngest>();
            for (var i = 0; i < Wards.Length; i++)
            {
                var text = $"Ngập sâu tại {Wards[i]} sau mưa lớn: nước lên nhanh, {12 + i * 7} hộ phải di dời đồ đạc lên cao.";
                await ingest.IngestAsync(feeds[i % 3], [Entry("w" + i, text, now.AddMinutes(-15 - 17 * i))]);
            }
            return 0;
        });

        var stories = await app.WithDbAsync(db => db.Stories.Where(s => s.UnitId == unit).ToListAsync());
        Assert.Equal(9, stories.Count);
        Assert.All(stories, s => Assert.Equal(1, s.ArticleCount));
        var sweep = await app.WithScopeAsync(s => s.GetRequiredService<AlertSweep>().RunAsync());
        Assert.Equal(0, sweep.StoryAlerts);
        Assert.Equal(0, await app.WithDbAsync(db => db.Alerts.CountAsync(a => a.Kind == AlertKind.Story)));

        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var dashboard = await editor.GetStringAsync("/Monitoring");
        Assert.DoesNotContain("đang lan nhanh", dashboard, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task One_event_told_by_three_outlets_is_one_story_that_spreads(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id;
        var feeds = await FeedsAsync(app, unit);
        var now = DateTimeOffset.UtcNow;
        string[] versions =
        [
            "Ngập sâu tại phường Hòa Khánh sau mưa lớn: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao.",
            "Ngập sâu tại Hòa Khánh sau mưa lớn: nước lên rất nhanh, 40 hộ dân phải di dời đồ đạc lên cao.",
            "Mưa lớn, ngập sâu tại phường Hòa Khánh: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao trong đêm.",
            "Ngập sâu tại Hòa Khánh (Đà Nẵng) sau mưa lớn: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao.",
            "Ngap sau tai Hoa Khanh sau mua lon: nuoc len nhanh, 40 ho phai di doi do dac len cao.",
            "Ngập sâu tại phường Hòa Khánh sau mưa lớn: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao, chính quyền hỗ trợ.",
        ];
        await app.WithScopeAsync(async s =>
        {
            var ingest = s.GetRequiredService<ArticleIngest>();
            for (var i = 0; i < versions.Length; i++)
            {
                await ingest.IngestAsync(feeds[i % 3], [Entry("v" + i, versions[i], now.AddMinutes(-10 - 20 * i))]);
            }
            return 0;
        });

        var story = Assert.Single(await app.WithDbAsync(db => db.Stories.Where(s => s.UnitId == unit).ToListAsync()));
        Assert.Equal(6, story.ArticleCount);
        Assert.Equal(1, (await app.WithScopeAsync(s => s.GetRequiredService<AlertSweep>().RunAsync())).StoryAlerts);
    }
}
