using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>
/// Reports that write no date are dated by their publication day in the office's zone: one ward the same day in other
/// words is one story; a week later, or another ward, is another; a written date wins; a restart (a new story index
/// topped up from the stored rows) gives the same stories.
/// </summary>
public sealed class StoryPublicationDayTests
{
    private const string Short = "Ngập sâu tại Hòa Khánh sau mưa lớn: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao.";

    private const string Long =
        "Mưa lớn kéo dài từ chiều qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu, người dân phải dắt xe qua các điểm ngập, lực lượng chức năng đang khơi thông cống thoát nước.";

    // A third outlet's words: close enough to the recap for the place-and-day route (Jaccard >= 0.15), not for the words alone.
    private const string Later =
        "Sáng nay nhiều khu dân cư ở phường Hòa Khánh lại chìm trong nước sau trận mưa lớn kéo dài, 60 hộ phải kê đồ đạc lên cao; lực lượng chức năng trực ở các điểm ngập sâu.";

    private static async Task<List<Feed>> FeedsAsync(TestApp app, long unit) => await app.WithDbAsync(async db =>
    {
        var feeds = Enumerable.Range(0, 2).Select(i => new Feed
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

    private static ParsedEntry Entry(string id, string title, string text, DateTime utc) => new()
    {
        Id = id,
        Title = title,
        Link = $"https://example.vn/{id}",
        ContentText = text,
        Published = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
    };

    /// <summary>Ingests each (feed, entry) in order with the app's story index; returns each article's story id.</summary>
    private static async Task<long[]> IngestAsync(TestApp app, params (Feed Feed, ParsedEntry Entry)[] items)
    {
        await app.WithScopeAsync(async s =>
        {
            var ingest = s.GetRequiredService<ArticleIngest>();
            foreach (var (feed, entry) in items)
            {
                await ingest.IngestAsync(feed, [entry]);
            }
            return 0;
        });
        return await StoryIdsAsync(app, items.Select(i => i.Entry.Link!).ToArray());
    }

    private static async Task<long[]> StoryIdsAsync(TestApp app, string[] links)
    {
        var rows = await app.WithDbAsync(db => db.Articles.Where(a => a.Url != null && links.Contains(a.Url)).Select(a => new { Link = a.Url, a.StoryId }).ToListAsync());
        return links.Select(l => rows.Single(r => r.Link == l).StoryId).ToArray();
    }

    /// <summary>An office wall-clock time, <paramref name="daysAgo"/> days before today, as UTC.</summary>
    private static DateTime At(OfficeTime office, int daysAgo, int hour, int minute = 0) =>
        office.ToUtc(office.Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute)));

    [Theory, Providers]
    public async Task One_ward_the_same_day_in_other_words_is_one_story_a_week_later_another(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.App.Services.GetRequiredService<OfficeTime>();
        var feeds = await FeedsAsync(app, app.Tree.ProvinceA.Id);
        var ids = await IngestAsync(app,
            (feeds[0], Entry("a", "Ngập sâu tại Hòa Khánh sau mưa lớn", Short, At(office, 9, 7))),
            (feeds[1], Entry("b", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh", Long, At(office, 9, 10))),
            // A week later the same ward floods again, told in the same two wordings.
            (feeds[0], Entry("c", "Ngập sâu tại Hòa Khánh sau mưa lớn", Short.Replace("40 hộ", "25 hộ", StringComparison.Ordinal), At(office, 2, 8))),
            (feeds[1], Entry("d", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh", Long, At(office, 2, 11))));

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[2], ids[3]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Theory, Providers]
    public async Task Another_ward_the_same_day_is_another_story(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.App.Services.GetRequiredService<OfficeTime>();
        var feeds = await FeedsAsync(app, app.Tree.ProvinceA.Id);
        var ids = await IngestAsync(app,
            (feeds[0], Entry("a", "Ngập sâu tại Hòa Khánh sau mưa lớn", Short, At(office, 1, 7))),
            (feeds[1], Entry("b", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Minh", Long.Replace("Hòa Khánh", "Hòa Minh", StringComparison.Ordinal), At(office, 1, 8))),
            (feeds[1], Entry("c", "Ngập sâu tại Thanh Khê sau mưa lớn", Short.Replace("Hòa Khánh", "Thanh Khê", StringComparison.Ordinal), At(office, 1, 9))));

        Assert.Equal(3, ids.Distinct().Count());
    }

    [Theory, Providers]
    public async Task A_date_written_in_the_text_wins_over_the_publication_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.App.Services.GetRequiredService<OfficeTime>();
        var feeds = await FeedsAsync(app, app.Tree.ProvinceA.Id);
        var floodDay = office.Today.AddDays(-4);
        var recap = Long.Replace("từ chiều qua", $"từ chiều {floodDay.Day}/{floodDay.Month}", StringComparison.Ordinal);
        var ids = await IngestAsync(app,
            // Published two days after the flood it dates: it meets the undated report of the flood's day ...
            (feeds[0], Entry("a", "Ngập sâu tại Hòa Khánh sau mưa lớn", Short, At(office, 4, 9))),
            (feeds[1], Entry("b", "Nhìn lại trận ngập ở Hòa Khánh", recap, At(office, 2, 9))),
            // ... not an undated report published the day it was.
            (feeds[0], Entry("c", "Hòa Khánh lại ngập", Later, At(office, 2, 10))));

        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
    }

    [Theory, Providers]
    public async Task A_restart_tops_up_with_the_same_office_days_and_gives_the_same_stories(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.App.Services.GetRequiredService<OfficeTime>();
        var unit = app.Tree.ProvinceA.Id;
        var feeds = await FeedsAsync(app, unit);
        // Just after midnight and late the next evening, office time: adjacent office days, two days apart in UTC here.
        var first = At(office, 3, 0, 30);
        var second = At(office, 2, 23, 30);
        Assert.Equal(1, office.LocalDay(second).DayNumber - office.LocalDay(first).DayNumber);
        var before = await IngestAsync(app,
            (feeds[0], Entry("a", "Ngập sâu tại Hòa Khánh sau mưa lớn", Short, first)),
            (feeds[1], Entry("x", "Cháy nhà ở phường Hòa Minh", "Cháy nhà dân ở phường Hòa Minh, lực lượng PCCC dập tắt sau 20 phút, không ai bị thương.", first.AddHours(1))));

        // A restart: the story index starts empty and is topped up from the stored rows before the next article.
        app.App.Services.GetRequiredService<StoryIndex>().Forget(unit);
        var after = await IngestAsync(app, (feeds[1], Entry("b", "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh", Long, second)));
        Assert.Equal(before[0], after[0]);

        // A second process with its own index (as another instance) agrees.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var other = new ArticleIngest(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new StoryIndex(TimeProvider.System, office), TimeProvider.System);
            await other.IngestAsync(feeds[0], [Entry("c", "Hòa Khánh ngập sâu sau trận mưa lớn, dân dắt xe qua điểm ngập", Long.Replace("lực lượng chức năng", "công nhân", StringComparison.Ordinal), second.AddMinutes(20))]);
        }
        var all = await StoryIdsAsync(app, ["https://example.vn/a", "https://example.vn/b", "https://example.vn/c", "https://example.vn/x"]);
        Assert.Equal([before[0], before[0], before[0], before[1]], all);
        Assert.Equal(3, await app.WithDbAsync(db => db.Stories.Where(s => s.Id == before[0]).Select(s => s.ArticleCount).SingleAsync()));
    }
}
