using System.Net;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Time;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Monitoring;

/// <summary>Feeds polled over real HTTP on loopback into stored articles, stories, topic hits, search and pages.</summary>
public sealed class MonitoringFlowTests
{
    private const string Flood = "Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu hơn nửa mét, hàng trăm hộ dân phải di dời tài sản, lực lượng chức năng đã có mặt hỗ trợ người dân.";

    private const string FloodRewrite = "Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu hơn nửa mét, hàng trăm hộ dân phải di dời tài sản; chính quyền địa phương đã có mặt hỗ trợ người dân.";

    private static async Task<TestApp> StartAsync(DatabaseProvider provider, LiveFeedServer server, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:AllowedHosts:0"] = server.HostAndPort,
            ["Monitoring:PerHostDelayMilliseconds"] = "0",
        };
        foreach (var (k, v) in more ?? [])
        {
            settings[k] = v;
        }

        return await TestApp.StartAsync(provider, settings);
    }

    private static Task<Feed> AddFeedAsync(TestApp app, long unitId, string url, string outlet) => app.WithDbAsync(async db =>
    {
        var feed = new Feed { UnitId = unitId, Url = url, Name = outlet, Outlet = outlet, CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow.AddMinutes(-1) };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return feed;
    });

    private static Task<int> PollAsync(TestApp app) => app.App.Services.GetRequiredService<FeedScheduler>().RunOnceAsync(CancellationToken.None);

    [Theory, Providers]
    public async Task Polling_stores_each_article_once_and_joins_rewrites_into_one_story(DatabaseProvider provider)
    {
        await using var server = await LiveFeedServer.StartAsync();
        await using var app = await StartAsync(provider, server);
        var unit = app.Tree.ProvinceA.Id;
        var now = DateTimeOffset.UtcNow.AddMinutes(-30);
        server.Set("a", "Báo A",
            ("Ngập sâu ở Hòa Khánh sau mưa lớn", "https://baoa.vn/ngap-hoa-khanh.html?utm_source=rss&id=7", Flood, now),
            ("Ngập sâu ở Hòa Khánh sau mưa lớn", "https://baoa.vn/ngap-hoa-khanh.html?id=7&fbclid=abc#top", Flood, now),
            ("Khánh thành cầu mới qua sông Hàn", "https://baoa.vn/cau-moi.html", "Cây cầu thứ bảy qua sông Hàn được khánh thành sáng nay với tổng vốn đầu tư hơn 700 tỷ đồng.", now));
        server.Set("b", "Báo B", ("Hòa Khánh ngập sâu, dân di dời tài sản", "https://baob.vn/hoa-khanh-ngap", FloodRewrite, now.AddMinutes(10)));
        await app.WithDbAsync(async db =>
        {
            db.WatchTopics.Add(new WatchTopic { UnitId = unit, Name = "Ngập úng", Rule = "ngập AND hoa khanh", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await AddFeedAsync(app, unit, server.Url("a"), "Báo A");
        await AddFeedAsync(app, unit, server.Url("b"), "Báo B");

        Assert.Equal(2, await PollAsync(app));
        Assert.Equal(0, await PollAsync(app));

        var (articles, stories, hits, feeds) = await app.WithDbAsync(async db => (
            await db.Articles.OrderBy(a => a.Id).ToListAsync(), await db.Stories.ToListAsync(), await db.TopicHits.CountAsync(), await db.Feeds.ToListAsync()));
        Assert.Equal(3, articles.Count);
        Assert.Equal(2, stories.Count);
        var flood = Assert.Single(stories, s => s.ArticleCount == 2);
        Assert.Equal(2, articles.Where(a => a.StoryId == flood.Id).Select(a => a.Outlet).Distinct().Count());
        Assert.Equal(2, hits);
        Assert.All(feeds, f => Assert.Null(f.LastError));
        Assert.All(feeds, f => Assert.NotNull(f.LastSuccessAt));
        Assert.All(feeds, f => Assert.Null(f.LeaseUntil));

        // Polled again (due now): nothing is stored twice.
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(2, await PollAsync(app));
        Assert.Equal(3, await app.WithDbAsync(db => db.Articles.CountAsync()));

        // After a restart the story index is rebuilt from stored signatures: a third rewrite still joins the story.
        app.App.Services.GetRequiredService<StoryIndex>().Forget(unit);
        server.Set("b", "Báo B", ("Hòa Khánh ngập sâu", "https://baob.vn/hoa-khanh-ngap-2", FloodRewrite + " Cập nhật lúc 9 giờ.", now.AddMinutes(20)));
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTime.UtcNow.AddMinutes(-1))));
        await PollAsync(app);
        Assert.Equal(3, await app.WithDbAsync(db => db.Stories.Where(s => s.Id == flood.Id).Select(s => s.ArticleCount).SingleAsync()));

        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var storyPage = await editor.GetStringAsync($"/Monitoring/Story/{flood.Id}");
        Assert.Contains("Báo A", storyPage, StringComparison.Ordinal);
        Assert.Contains("Báo B", storyPage, StringComparison.Ordinal);
        var dashboard = await editor.GetStringAsync("/Monitoring");
        Assert.Contains("id=\"rising\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("trend-chart", dashboard, StringComparison.Ordinal);

        await app.AddMemberAsync("editor@01.vn", app.Tree.ProvinceB, Role.Editor);
        using var foreign = app.Client();
        await foreign.SignInOkAsync("editor@01.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/Monitoring/Story/{flood.Id}")).StatusCode);
        var foreignSearch = await foreign.GetStringAsync("/Monitoring/Search?q=hoa+khanh");
        Assert.DoesNotContain("baoa.vn", foreignSearch, StringComparison.Ordinal);
        Assert.DoesNotContain("Ngập sâu", foreignSearch, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_blocked_or_broken_feed_is_marked_with_a_plain_error_and_the_others_go_on(DatabaseProvider provider)
    {
        await using var server = await LiveFeedServer.StartAsync();
        await using var app = await StartAsync(provider, server);
        var unit = app.Tree.ProvinceA.Id;
        server.Set("good", "Tốt", ("<script>alert(1)</script>Tin tốt", "javascript:alert(1)", "Nội dung <img src=x onerror=alert(1)> an toàn", DateTimeOffset.UtcNow.AddHours(-1)));
        var metadata = await AddFeedAsync(app, unit, new Uri(server.BaseUrl, "redirect?to=http://169.254.169.254/latest/meta-data/").AbsoluteUri, "Metadata");
        var missing = await AddFeedAsync(app, unit, server.Url("missing"), "Missing");
        var good = await AddFeedAsync(app, unit, server.Url("good"), "Good");

        Assert.Equal(3, await PollAsync(app));

        var feeds = await app.WithDbAsync(db => db.Feeds.ToDictionaryAsync(f => f.Id));
        Assert.NotNull(feeds[metadata.Id].LastError);
        Assert.Equal(1, feeds[metadata.Id].ConsecutiveFailures);
        Assert.True(feeds[metadata.Id].NextPollAt > DateTime.UtcNow.AddMinutes(5), "back-off moves the next poll later");
        Assert.NotNull(feeds[missing.Id].LastError);
        Assert.Null(feeds[good.Id].LastError);
        var article = await app.WithDbAsync(db => db.Articles.SingleAsync());
        Assert.Null(article.Url);

        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        var page = await editor.GetStringAsync("/Monitoring/Feeds");
        Assert.Contains(feeds[metadata.Id].LastError!.Split(" / ")[0], page, StringComparison.Ordinal);
        var search = await editor.GetStringAsync("/Monitoring/Search?q=tin+tot");
        Assert.DoesNotContain("<script>alert", search, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", search, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", search, StringComparison.Ordinal);

        // Failing for more than a day turns into a visible alert, once per day.
        await app.WithDbAsync(db => db.Feeds.Where(f => f.Id == metadata.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, DateTime.UtcNow.AddDays(-2)).SetProperty(f => f.NextPollAt, DateTime.UtcNow.AddMinutes(-1))));
        await PollAsync(app);
        await app.WithDbAsync(db => db.Feeds.Where(f => f.Id == metadata.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, DateTime.UtcNow.AddMinutes(-1))));
        await PollAsync(app);
        Assert.Equal(1, await app.WithDbAsync(db => db.Alerts.CountAsync(a => a.Kind == AlertKind.FeedFailing && a.SubjectId == metadata.Id)));
        Assert.Contains("Metadata", await editor.GetStringAsync("/Monitoring"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Two_claimers_never_hold_the_same_feed_and_an_expired_lease_is_taken_over(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        for (var i = 0; i < 30; i++)
        {
            await AddFeedAsync(app, app.Tree.ProvinceA.Id, $"https://feeds{i}.example.vn/rss", "Nguồn " + i);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.WithScopeAsync(s =>
            s.GetRequiredService<FeedLeases>().ClaimDueAsync(30, TimeSpan.FromMinutes(5), CancellationToken.None))));
        var all = claims.SelectMany(c => c.Select(f => f.Id)).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
        Assert.Empty(await app.WithScopeAsync(s => s.GetRequiredService<FeedLeases>().ClaimDueAsync(30, TimeSpan.FromMinutes(5), CancellationToken.None)));

        // A dead instance's leases expire and another instance takes the feeds.
        await app.WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, "dead").SetProperty(f => f.LeaseUntil, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(30, (await app.WithScopeAsync(s => s.GetRequiredService<FeedLeases>().ClaimDueAsync(30, TimeSpan.FromMinutes(5), CancellationToken.None))).Count);
    }

    [Theory, Providers]
    public async Task A_rising_topic_raises_one_explained_alert_and_one_digest_mail(DatabaseProvider provider)
    {
        await using var smtp = new SmtpTestServer();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:From"] = "theodoi@danang.gov.vn",
            ["Mail:UseStartTls"] = "false",
        });
        var unit = app.Tree.ProvinceA.Id;
        await app.AddMemberAsync("lead@48.vn", app.Tree.ProvinceA, Role.Editor);
        var topicId = await app.WithDbAsync(async db =>
        {
            var topic = new WatchTopic { UnitId = unit, Name = "Sạt lở", Rule = "sạt lở", CreatedAt = DateTime.UtcNow.AddDays(-30) };
            db.WatchTopics.Add(topic);
            await db.SaveChangesAsync();
            return topic.Id;
        });
        var feeds = new List<Feed>();
        for (var i = 0; i < 4; i++)
        {
            feeds.Add(await AddFeedAsync(app, unit, $"https://bao{i}.example.vn/rss", "Báo " + i));
        }

        var now = DateTimeOffset.UtcNow;
        var places = new[] { "Hòa Bắc", "Hòa Phú", "Hòa Ninh", "Hòa Liên", "Hòa Sơn", "Hòa Nhơn", "Hòa Phong", "Hòa Tiến", "Hòa Châu", "Hòa Khương", "Hòa Phước", "Hòa Xuân" };
        await app.WithScopeAsync(async s =>
        {
            var ingest = s.GetRequiredService<ArticleIngest>();
            // Background: one article every other day for four weeks.
            var history = Enumerable.Range(1, 14).Select(d => new ParsedEntry
            {
                Id = "h" + d,
                Title = $"Nguy cơ sạt lở ở thôn {d}",
                Link = $"https://bao0.example.vn/h{d}",
                ContentText = $"Cảnh báo sạt lở đất tại khu vực đồi núi thôn {d} trong mùa mưa bão năm nay số {d * 37}.",
                Published = now.AddDays(-2 * d),
            }).ToList();
            await ingest.IngestAsync(feeds[0], history);
            // Now: twelve different articles in the last two hours from four outlets.
            for (var i = 0; i < 12; i++)
            {
                await ingest.IngestAsync(feeds[i % 4], [new ParsedEntry
                {
                    Id = "n" + i, Title = $"Sạt lở nghiêm trọng ở xã {places[i]}", Link = $"https://bao{i % 4}.example.vn/n{i}", ContentText = $"Sạt lở vùi lấp đường liên xã {places[i]}, {i * 13 + 5} hộ bị cô lập, mưa lớn vẫn tiếp diễn chiều nay.", Published = now.AddMinutes(-10 * i - 5),
                }]);
            }
            return 0;
        });

        var first = await app.WithScopeAsync(s => s.GetRequiredService<AlertSweep>().RunAsync());
        Assert.Equal(1, first.TopicAlerts);
        var alert = await app.WithDbAsync(db => db.Alerts.SingleAsync(a => a.Kind == AlertKind.Topic));
        Assert.Equal(topicId, alert.SubjectId);
        Assert.Contains("12 bài trong 3 giờ từ 4 nguồn", alert.ReasonVi, StringComparison.Ordinal);
        Assert.Contains("12 articles in 3 hours from 4 outlets", alert.ReasonEn, StringComparison.Ordinal);
        // Its phrases are words people would write, as the dashboard's: never a lone syllable.
        var phrases = alert.ReasonVi[(alert.ReasonVi.IndexOf("cụm từ nổi bật: ", StringComparison.Ordinal) + "cụm từ nổi bật: ".Length)..].TrimEnd('.').Split(", ");
        Assert.NotEmpty(phrases);
        Assert.All(phrases, p => Assert.Contains(' ', p));
        Assert.Equal(0, (await app.WithScopeAsync(s => s.GetRequiredService<AlertSweep>().RunAsync())).TopicAlerts);

        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<AlertDigest>().SendAsync()));
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<AlertDigest>().SendAsync()));
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("lead@48.vn", mail.To);
        Assert.Contains("cảnh báo", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Sạt lở", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Topic_preview_and_search_answer_bad_input_with_a_clear_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var unit = app.Tree.ProvinceA.Id;
        var feed = await AddFeedAsync(app, unit, "https://baoa.example.vn/rss", "Báo A");
        await app.WithScopeAsync(s => s.GetRequiredService<ArticleIngest>().IngestAsync(feed,
        [
            new ParsedEntry { Id = "1", Title = "Đường Hoà Khánh ngập", Link = "https://baoa.example.vn/1", ContentText = "Nước ngập sâu ở Hoà Khánh Bắc.", Published = DateTimeOffset.UtcNow.AddHours(-2) },
            new ParsedEntry { Id = "2", Title = "Giá xăng giảm", Link = "https://baoa.example.vn/2", ContentText = "Giá xăng giảm 500 đồng.", Published = DateTimeOffset.UtcNow.AddHours(-1) },
        ]));
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");

        var ok = await editor.GetAsync($"/Monitoring/Topics?handler=Preview&unitId={unit}&rule={Uri.EscapeDataString("ngập AND hòa khánh")}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadAsStringAsync();
        Assert.Contains("\"matched\":1", body, StringComparison.Ordinal);
        var bad = await editor.GetAsync($"/Monitoring/Topics?handler=Preview&unitId={unit}&rule={Uri.EscapeDataString("(ngập OR lụt")}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"position\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync($"/Monitoring/Topics?handler=Preview&unitId={unit}&rule={new string('a', 5000)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Monitoring/Topics?handler=Preview&unitId={app.Tree.ProvinceB.Id}&rule=a")).StatusCode);

        // Folded, both tone placements, highlighted in the original text.
        foreach (var q in new[] { "hoa khanh", "HÒA KHÁNH", "Hoà Khánh" })
        {
            var page = await editor.GetStringAsync("/Monitoring/Search?q=" + Uri.EscapeDataString(q));
            Assert.Contains("<mark>Khánh</mark> ngập", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Giá xăng", page, StringComparison.Ordinal);
        }
        foreach (var hostile in new[] { "\"chưa đóng", "-chỉ loại trừ", "a OR", new string('x', 600), "'; DROP TABLE articles; --", "NEAR(a b)", "title:*", "\u0000\uFFFF" })
        {
            var response = await editor.GetAsync("/Monitoring/Search?q=" + Uri.EscapeDataString(hostile));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("search-error", await editor.GetStringAsync("/Monitoring/Search?q=" + Uri.EscapeDataString("\"chưa đóng")), StringComparison.Ordinal);
        Assert.Contains("search-error", await editor.GetStringAsync("/Monitoring/Search?q=xang&from=2026-13-45"), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync()));

        var newest = await editor.GetStringAsync("/Monitoring/Search?q=gia+OR+ngap&sort=Newest");
        Assert.True(newest.IndexOf("xăng", StringComparison.Ordinal) < newest.IndexOf("ngập", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task Parallel_ingest_of_the_same_entries_stores_each_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var feed = await AddFeedAsync(app, app.Tree.ProvinceA.Id, "https://baoa.example.vn/rss", "Báo A");
        var entries = Enumerable.Range(0, 60).Select(i => new ParsedEntry
        {
            Id = "e" + i,
            Title = $"Tin số {i} về chủ đề riêng {i * 7919}",
            Link = $"https://baoa.example.vn/{i}",
            ContentText = $"Nội dung riêng của tin số {i}, mã {i * 7919 % 1000} và {i * 31}.",
            Published = DateTimeOffset.UtcNow.AddMinutes(-i),
        }).ToList();
        // Separate story indexes, as in two processes: only the unique key can keep them apart.
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.App.Services.CreateAsyncScope();
            var ingest = new ArticleIngest(scope.ServiceProvider.GetRequiredService<AppDbContext>(), new StoryIndex(TimeProvider.System, scope.ServiceProvider.GetRequiredService<OfficeTime>()), TimeProvider.System);
            return await ingest.IngestAsync(feed, entries);
        })));
        Assert.Equal(60, results.Sum(r => r.Stored));
        Assert.Equal(60, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(60, await app.WithDbAsync(db => db.Stories.SumAsync(s => s.ArticleCount)));
    }
}
