using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DuLuan.Tests.Monitoring;

/// <summary>A loopback HTTP server whose feeds a test writes as it goes: /rss/{name}.</summary>
public sealed class LiveFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> feeds = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private LiveFeedServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string HostAndPort => BaseUrl.Authority;

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Most requests for one feed in flight at once (politeness and leases keep it at 1).</summary>
    public ConcurrentDictionary<string, int> MostInFlight { get; } = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> inFlight = new(StringComparer.Ordinal);

    /// <summary>How long each answer takes.</summary>
    public int DelayMilliseconds { get; set; }

    public static async Task<LiveFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new LiveFeedServer(builder.Build());
        server.app.MapGet("/rss/{name}", async (string name, CancellationToken ct) =>
        {
            server.Requests.AddOrUpdate(name, 1, (_, n) => n + 1);
            var now = server.inFlight.AddOrUpdate(name, 1, (_, n) => n + 1);
            server.MostInFlight.AddOrUpdate(name, now, (_, n) => Math.Max(n, now));
            try
            {
                if (server.DelayMilliseconds > 0)
                {
                    await Task.Delay(server.DelayMilliseconds, ct);
                }

                return server.feeds.TryGetValue(name, out var xml) ? Results.Text(xml, "application/rss+xml; charset=utf-8") : Results.NotFound();
            }
            finally
            {
                server.inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            }
        });
        server.app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await server.app.StartAsync();
        server.BaseUrl = new Uri(server.app.Urls.First() + "/");
        return server;
    }

    public string Url(string name) => new Uri(BaseUrl, "rss/" + name).AbsoluteUri;

    public void Set(string name, string title, params (string Title, string Link, string Text, DateTimeOffset Published)[] items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>")
            .Append(SecurityElement.Escape(title)).Append("</title><link>").Append(BaseUrl).Append("</link>");
        foreach (var item in items)
        {
            xml.Append("<item><title>").Append(SecurityElement.Escape(item.Title)).Append("</title><link>")
                .Append(SecurityElement.Escape(item.Link)).Append("</link><description>").Append(SecurityElement.Escape(item.Text))
                .Append("</description><pubDate>").Append(item.Published.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }
        feeds[name] = xml.Append("</channel></rss>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
