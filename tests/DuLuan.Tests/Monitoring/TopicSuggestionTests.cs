using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>
/// #18 item 2: the story page suggests a watch topic for an article no rule matched, learned from the unit's tagged
/// articles; staff who manage the unit's monitoring tag it themselves (audited), nothing is tagged by the suggestion.
/// </summary>
public sealed class TopicSuggestionTests
{
    private static readonly string[] Floods =
    [
        "Mưa lớn kéo dài khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu, người dân phải di dời tài sản.",
        "Triều cường dâng cao làm ngập nặng khu dân cư ven sông, nước tràn vào nhà dân.",
        "Nhiều tuyến phố ngập sâu sau trận mưa lớn chiều qua, xe máy chết máy hàng loạt.",
        "Mưa lớn gây ngập úng cục bộ tại các khu dân cư thấp trũng, lực lượng chức năng hỗ trợ người dân.",
        "Nước ngập sâu hơn nửa mét trên đường Nguyễn Văn Linh sau cơn mưa lớn kéo dài.",
        "Hệ thống thoát nước quá tải khiến nhiều khu phố ngập sâu mỗi khi mưa lớn.",
    ];

    private static readonly string[] Fuel =
    [
        "Giá xăng dầu tăng mạnh từ chiều nay theo điều chỉnh của liên bộ Công Thương - Tài chính.",
        "Liên bộ điều chỉnh giá xăng E5 RON92 giảm 300 đồng mỗi lít, giá dầu diesel tăng nhẹ.",
        "Giá xăng tăng lần thứ ba liên tiếp, các cửa hàng xăng dầu đông người đổ xăng.",
        "Doanh nghiệp vận tải lo lắng khi giá dầu diesel tăng cao, cước vận chuyển có thể điều chỉnh.",
        "Kỳ điều hành giá xăng dầu hôm nay: xăng RON95 tăng 500 đồng mỗi lít.",
        "Quỹ bình ổn giá xăng dầu không được trích lập trong kỳ điều chỉnh giá lần này.",
    ];

    private const string NewFlood = "Mưa lớn từ đêm qua làm nhiều tuyến đường ở phường Hòa Minh ngập sâu, nước tràn vào nhà dân.";

    private sealed record Seeded(long StoryId, long UntaggedArticleId, long FloodTopicId, long FuelTopicId, long ForeignTopicId);

    private static Task<Seeded> SeedAsync(TestApp app, bool withTaggedArticles) => app.WithDbAsync(async db =>
    {
        var unit = app.Tree.ProvinceA.Id;
        var now = DateTime.UtcNow.AddHours(-2);
        var feed = new Feed { UnitId = unit, Url = "https://bao.example/rss", Name = "Báo", Outlet = "Báo", CreatedAt = now, NextPollAt = now.AddDays(1) };
        var flood = new WatchTopic { UnitId = unit, Name = "Ngập úng", Rule = "ngập", CreatedAt = now };
        var fuel = new WatchTopic { UnitId = unit, Name = "Giá xăng dầu", Rule = "xăng", CreatedAt = now };
        var foreign = new WatchTopic { UnitId = app.Tree.ProvinceB.Id, Name = "Ngập ở tỉnh khác", Rule = "ngập", CreatedAt = now };
        db.AddRange(feed, flood, fuel, foreign);
        await db.SaveChangesAsync();

        var n = 0;
        Article AddArticle(string text, Story story)
        {
            n++;
            var article = new Article
            {
                UnitId = unit,
                FeedId = feed.Id,
                StoryId = story.Id,
                Key = $"k{n}",
                Url = $"https://bao.example/{n}",
                Title = text[..40],
                Text = text,
                Outlet = "Báo",
                PublishedAt = now.AddMinutes(n),
                FetchedAt = now.AddMinutes(n),
                Folded = text,
                Signature = [],
            };
            db.Articles.Add(article);
            return article;
        }

        Story NewStory(string title)
        {
            var story = new Story { UnitId = unit, Title = title, FirstSeenAt = now, LastSeenAt = now, ArticleCount = 1 };
            db.Stories.Add(story);
            return story;
        }

        if (withTaggedArticles)
        {
            foreach (var (texts, topic) in new[] { (Floods, flood), (Fuel, fuel) })
            {
                foreach (var text in texts)
                {
                    var story = NewStory(text[..40]);
                    await db.SaveChangesAsync();
                    var article = AddArticle(text, story);
                    await db.SaveChangesAsync();
                    db.TopicHits.Add(new TopicHit { TopicId = topic.Id, ArticleId = article.Id, At = article.PublishedAt });
                }
            }
        }

        var target = NewStory("Mưa lớn ở Hòa Minh");
        await db.SaveChangesAsync();
        var untagged = AddArticle(NewFlood, target);
        await db.SaveChangesAsync();
        return new Seeded(target.Id, untagged.Id, flood.Id, fuel.Id, foreign.Id);
    });

    private static Dictionary<string, string> Tag(long articleId, long topicId) => new()
    {
        ["articleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["topicId"] = topicId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory, Providers]
    public async Task Staff_see_the_suggested_topic_and_tag_the_article_themselves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await SeedAsync(app, withTaggedArticles: true);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var page = $"/Monitoring/Story/{seeded.StoryId}";

        var html = await editor.GetStringAsync(page);
        Assert.Contains($"id=\"suggest-{seeded.UntaggedArticleId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Gợi ý chủ đề: Ngập úng (học từ 12 bài", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"topicId\" value=\"{seeded.FloodTopicId}\"", html, StringComparison.Ordinal);
        // A suggestion is not a tag: nothing is stored until staff confirm.
        Assert.False(await app.WithDbAsync(db => db.TopicHits.AnyAsync(h => h.ArticleId == seeded.UntaggedArticleId)));

        using var response = await editor.PostFormAsync(page, Tag(seeded.UntaggedArticleId, seeded.FloodTopicId), page + "?handler=Tag");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (hit, entry) = await app.WithDbAsync(async db => (
            await db.TopicHits.SingleAsync(h => h.ArticleId == seeded.UntaggedArticleId),
            await db.AuditEntries.SingleAsync(a => a.Action == StoryModel.AuditAction)));
        Assert.Equal(seeded.FloodTopicId, hit.TopicId);
        Assert.Equal(app.Tree.ProvinceA.Id, entry.UnitId);
        Assert.Equal($"article:{seeded.UntaggedArticleId}", entry.Target);
        Assert.Equal("Ngập úng", entry.Detail);

        // Tagged now, so no longer suggested; tagging twice stores one hit.
        Assert.DoesNotContain($"id=\"suggest-{seeded.UntaggedArticleId}\"", await editor.GetStringAsync(page), StringComparison.Ordinal);
        using var again = await editor.PostFormAsync(page, Tag(seeded.UntaggedArticleId, seeded.FloodTopicId), page + "?handler=Tag");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.TopicHits.CountAsync(h => h.ArticleId == seeded.UntaggedArticleId)));
    }

    [Theory, Providers]
    public async Task Readers_get_no_suggestion_and_cannot_tag_and_bad_tags_store_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await SeedAsync(app, withTaggedArticles: true);
        var page = $"/Monitoring/Story/{seeded.StoryId}";
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);

        using var viewer = app.Client();
        await viewer.SignInOkAsync("viewer@48.vn");
        var html = await viewer.GetStringAsync(page);
        Assert.Contains(NewFlood[..20], html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"suggest-", html, StringComparison.Ordinal);
        using (var denied = await viewer.PostFormAsync(page, Tag(seeded.UntaggedArticleId, seeded.FloodTopicId), page + "?handler=Tag"))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        foreach (var (articleId, topicId) in new[]
        {
            (seeded.UntaggedArticleId, seeded.ForeignTopicId), // another province's topic
            (seeded.UntaggedArticleId, long.MaxValue), // no such topic
            (seeded.UntaggedArticleId - 1, seeded.FloodTopicId), // an article of another story
        })
        {
            using var bad = await editor.PostFormAsync(page, Tag(articleId, topicId), page + "?handler=Tag");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using var foreign = app.Client();
        await foreign.SignInOkAsync("editor@01.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(page)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TopicHits.AnyAsync(h => h.ArticleId == seeded.UntaggedArticleId)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == StoryModel.AuditAction)));
    }

    [Theory, Providers]
    public async Task Nothing_is_suggested_before_the_unit_has_tagged_enough_articles(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await SeedAsync(app, withTaggedArticles: false);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var html = await editor.GetStringAsync($"/Monitoring/Story/{seeded.StoryId}");
        Assert.Contains(NewFlood[..20], html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"suggest-", html, StringComparison.Ordinal);
    }
}
