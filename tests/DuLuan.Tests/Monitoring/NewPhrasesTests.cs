using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Monitoring;

/// <summary>The dashboard's "Cụm từ mới": phrases people would write, not lone filler syllables (#18 item 4).</summary>
public sealed partial class NewPhrasesTests
{
    private static readonly string[] ThisWeek =
    [
        "Mưa lớn kéo dài, nhiều tuyến phố ở Hòa Khánh ngập sâu",
        "Hòa Khánh: mưa lớn gây ngập sâu, người dân dắt xe qua phố",
        "Học sinh được nghỉ học vì mưa lớn và ngập sâu",
        "Ngập sâu sau mưa lớn, người dân Hòa Khánh lội nước đi làm",
        "Hòa Khánh: mưa lớn, ngập sâu, học sinh nghỉ học",
    ];

    private static readonly string[] LastMonth =
    [
        "Giá xăng tăng nhẹ trong kỳ điều hành",
        "Học sinh trở lại trường sau kỳ nghỉ",
        "Thành phố lát lại vỉa hè nhiều tuyến phố",
        "Hội chợ nông sản mở cửa cuối tuần",
    ];

    [GeneratedRegex("<ul id=\"phrases\"[^>]*>(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex PhraseList();

    [GeneratedRegex(">([^<]+)</a>")]
    private static partial Regex LinkText();

    [Theory, Providers]
    public async Task The_dashboard_shows_multi_syllable_phrases_as_written_and_no_fillers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id;
        var now = DateTime.UtcNow;
        await app.WithDbAsync<int>(async db =>
        {
            var feed = new Feed { UnitId = unit, Url = "https://tin.example.vn/rss", Name = "Tin", Outlet = "Tin", CreatedAt = now.AddDays(-60), NextPollAt = now.AddDays(1) };
            db.Feeds.Add(feed);
            var story = new Story { UnitId = unit, Title = "Tin", FirstSeenAt = now.AddDays(-30), LastSeenAt = now, ArticleCount = 0 };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            var k = 0;
            foreach (var (title, at) in ThisWeek.Select(t => (t, now.AddDays(-1))).Concat(LastMonth.Select(t => (t, now.AddDays(-20)))))
            {
                k++;
                db.Articles.Add(new Article
                {
                    UnitId = unit,
                    FeedId = feed.Id,
                    StoryId = story.Id,
                    Key = $"k{k}",
                    Title = title,
                    Text = title,
                    Outlet = "Tin",
                    PublishedAt = at,
                    FetchedAt = at,
                    Folded = title,
                    Signature = new byte[4],
                });
            }
            return await db.SaveChangesAsync();
        });

        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var page = await editor.GetStringAsync("/Monitoring");
        var list = PhraseList().Match(page);
        Assert.True(list.Success, "the phrase list is shown");
        var shown = LinkText().Matches(list.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("mưa lớn", shown);
        Assert.Contains("ngập sâu", shown);
        Assert.Contains("Hòa Khánh", shown);
        Assert.All(shown, p => Assert.Contains(' ', p));
        foreach (var filler in new[] { "lớn", "sâu", "học", "qua", "dắt" })
        {
            Assert.DoesNotContain(filler, shown);
        }
    }
}
