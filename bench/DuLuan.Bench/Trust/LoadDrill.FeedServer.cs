using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Trust;

public static partial class LoadDrill
{
    /// <summary>RSS feeds on loopback; every request publishes new items (stable links for the ones already seen).</summary>
    internal sealed class FeedServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        private long requests;
        private long items;

        private FeedServer(WebApplication app) => this.app = app;

        public string Url { get; private set; } = string.Empty;

        public long Requests => Interlocked.Read(ref requests);

        public long Items => Interlocked.Read(ref items);

        /// <summary>Every fetch: which feed, when (to see a feed fetched twice by two instances).</summary>
        public ConcurrentQueue<(int Feed, DateTime At)> Fetches { get; } = new();

        public static async Task<FeedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new FeedServer(app);
            var counters = new ConcurrentDictionary<int, long>();
            app.MapGet("/feed/{n:int}.xml", (int n) =>
            {
                Interlocked.Increment(ref server.requests);
                server.Fetches.Enqueue((n, DateTime.UtcNow));
                var round = counters.AddOrUpdate(n, 1, (_, r) => r + 1);
                var now = DateTimeOffset.UtcNow;
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Báo thử tải ")
                    .Append(n).Append("</title><link>https://example.vn/</link><language>vi</language>");
                // 20 items: the 5 newest are new on every poll, the rest were seen before.
                for (var i = 0; i < 20; i++)
                {
                    var id = round * 5 - i;
                    if (id <= 0)
                    {
                        break;
                    }

                    var place = Places[(int)((id + n) % Places.Length)];
                    var subject = Subjects[(int)((id * 7 + n) % Subjects.Length)];
                    var title = $"{char.ToUpperInvariant(subject[0])}{subject[1..]} ở {place}, bản tin số {id}";
                    var text = $"Người dân {place} phản ánh tình trạng {subject} kéo dài nhiều ngày; chính quyền phường cho biết đang kiểm tra và sẽ thông tin kết quả xử lý. Bản tin số {id} của báo thử tải {n}.";
                    xml.Append("<item><title>").Append(SecurityElement.Escape(title)).Append("</title><link>https://example.vn/tai/")
                        .Append(n).Append('/').Append(id).Append("</link><description>").Append(SecurityElement.Escape(text))
                        .Append("</description><pubDate>").Append(now.AddMinutes(-i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
                    if (i < 5)
                    {
                        Interlocked.Increment(ref server.items);
                    }
                }

                return Results.Text(xml.Append("</channel></rss>").ToString(), "application/rss+xml; charset=utf-8");
            });
            await app.StartAsync();
            server.Url = app.Urls.First();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
