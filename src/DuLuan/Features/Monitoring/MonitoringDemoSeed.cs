using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Seeds the demo's monitoring once: three loopback demo feeds and four watch topics for a unit, 30 days of invented
/// history so trends have a baseline, a burst about flooding in the last hours, and one alert sweep, so the dashboard
/// shows stories, trends and an alert at first sight.
/// </summary>
public static class MonitoringDemoSeed
{
    private static readonly (string Name, string Rule)[] Topics =
    [
        ("Ngập úng", "ngập OR ngập úng"),
        ("Sạt lở", "sạt lở"),
        ("Giá xăng dầu", "giá NEAR/3 xăng OR giá NEAR/3 dầu"),
        ("Du lịch", "du lịch OR khách du lịch"),
    ];

    private static readonly string[] Places = ["Hòa Khánh", "Hòa Minh", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang", "Liên Chiểu", "An Hải"];

    public static async Task EnsureAsync(IServiceProvider services, long unitId, string baseUrl, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Feeds.AnyAsync(f => f.UnitId == unitId, ct))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var feeds = DemoFeeds.Outlets.Select(o => new Feed
        {
            UnitId = unitId,
            Url = DemoFeeds.Url(baseUrl, o.Slug),
            Name = o.Outlet,
            Outlet = o.Outlet,
            PollMinutes = 15,
            CreatedAt = now.UtcDateTime,
            NextPollAt = now.UtcDateTime,
        }).ToList();
        db.Feeds.AddRange(feeds);
        db.WatchTopics.AddRange(Topics.Select(t => new WatchTopic { UnitId = unitId, Name = t.Name, Rule = t.Rule, CreatedAt = now.UtcDateTime.AddDays(-31) }));
        await db.SaveChangesAsync(ct);

        var ingest = services.GetRequiredService<ArticleIngest>();
        var random = new Random(2026);
        var history = new List<(Feed Feed, ParsedEntry Entry)>();
        for (var day = 30; day >= 1; day--)
        {
            foreach (var (kind, count) in new[] { ("ngập", random.Next(0, 3)), ("sạt lở", random.Next(0, 2)), ("xăng", random.Next(0, 2)), ("du lịch", random.Next(1, 4)) })
            {
                for (var i = 0; i < count; i++)
                {
                    var place = Places[random.Next(Places.Length)];
                    var at = now.AddDays(-day).AddHours(random.Next(-10, 10));
                    history.Add((feeds[random.Next(feeds.Count)], Entry($"d{day}-{kind}-{i}", Sentence(kind, place, random), place, at)));
                }
            }
        }
        // The burst: one flood at one place, told nine times by all three outlets in the last three hours (a story that
        // spreads); a flood at another place the same evening is a story of its own.
        for (var i = 0; i < 9; i++)
        {
            var place = Places[0];
            history.Add((feeds[i % feeds.Count], Entry($"burst-{i}", $"Ngập sâu tại {place} sau mưa lớn: nước lên nhanh, {12 + i * 7} hộ phải di dời đồ đạc lên cao.", place, now.AddMinutes(-15 - 17 * i))));
        }

        history.Add((feeds[1], Entry("burst-elsewhere", $"Ngập sâu tại {Places[1]} sau mưa lớn: nước lên nhanh, 20 hộ phải di dời đồ đạc lên cao.", Places[1], now.AddMinutes(-40))));
        foreach (var group in history.GroupBy(h => h.Feed))
        {
            await ingest.IngestAsync(group.Key, group.Select(h => h.Entry).ToList(), ct);
        }
        await services.GetRequiredService<AlertSweep>().RunAsync(ct);
    }

    private static ParsedEntry Entry(string id, string text, string place, DateTimeOffset at) => new()
    {
        Id = "demo-" + id,
        Title = text.Split(':', '.')[0],
        Link = "https://example.vn/demo/" + id,
        ContentText = text,
        Published = at,
        Categories = [place],
    };

    private static string Sentence(string kind, string place, Random random) => kind switch
    {
        "ngập" => $"Đường ở {place} ngập cục bộ sau cơn mưa chiều, nước rút sau khoảng {random.Next(1, 4)} giờ.",
        "sạt lở" => $"Phát hiện vết nứt có nguy cơ sạt lở taluy dương gần {place}, chính quyền đã cắm biển cảnh báo.",
        "xăng" => $"Các cửa hàng ở {place} niêm yết giá xăng mới, chênh lệch {random.Next(100, 900)} đồng mỗi lít so với kỳ trước.",
        _ => $"Lượng khách du lịch đến {place} tăng {random.Next(5, 30)}% so với cùng kỳ, nhiều cơ sở lưu trú kín phòng cuối tuần.",
    };
}
