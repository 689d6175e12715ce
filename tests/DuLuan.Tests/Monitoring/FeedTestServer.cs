using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DuLuan.Tests.Monitoring;

/// <summary>A real Kestrel server on 127.0.0.1 with a random port, serving friendly and hostile feeds.</summary>
public sealed class FeedTestServer : IAsyncLifetime
{
    private WebApplication? _app;
    private byte[] _gzipBomb = [];
    public Uri BaseUrl { get; private set; } = null!;
    public int Port => BaseUrl.Port;
    public string? LastUserAgent { get; private set; }
    public string? LastAcceptEncoding { get; private set; }

    public Uri Url(string path) => new(BaseUrl, path);

    public async ValueTask InitializeAsync()
    {
        _gzipBomb = MakeGzipBomb(64 * 1024 * 1024);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var feed = File.ReadAllBytes(FixtureFiles.PathOf("rss2-tinnhanh.xml"));

        _app.MapGet("/feed", (HttpContext ctx) =>
        {
            LastUserAgent = ctx.Request.Headers.UserAgent;
            LastAcceptEncoding = ctx.Request.Headers.AcceptEncoding;
            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Sun, 22 Nov 2026 08:00:00 GMT";
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                return Results.StatusCode(304);
            }
            return Results.Bytes(feed, "application/rss+xml; charset=utf-8");
        });
        _app.MapGet("/feed-since", (HttpContext ctx) =>
            ctx.Request.Headers.IfModifiedSince.Count > 0 ? Results.StatusCode(304) : Results.Bytes(feed, "application/rss+xml"));
        _app.MapGet("/brotli", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            ctx.Response.Headers.ContentEncoding = "br";
            await using var br = new BrotliStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await br.WriteAsync(feed);
        });
        _app.MapGet("/gzip-bomb", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await ctx.Response.Body.WriteAsync(_gzipBomb, ctx.RequestAborted);
        });
        _app.MapGet("/huge", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (var sent = 0; sent < 50 * 1024 * 1024 && !ctx.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        _app.MapGet("/huge-declared", async (HttpContext ctx) =>
        {
            // Headers say 50 MB; the fetcher must give up on the headers alone.
            ctx.Response.ContentLength = 50L * 1024 * 1024;
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.StartAsync(ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                ctx.Abort();
            }
        });
        _app.MapGet("/trickle", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.StartAsync(ctx.RequestAborted);
            for (var i = 0; i < 60 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.Body.WriteAsync("<"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(1000, ctx.RequestAborted);
            }
        });
        _app.MapGet("/fixture/{name}", (string name, string? charset) =>
        {
            var bytes = File.ReadAllBytes(FixtureFiles.PathOf(Path.GetFileName(name)));
            return Results.Bytes(bytes, "application/xml" + (charset is null ? "" : "; charset=" + charset));
        });
        _app.MapGet("/redirect", (string to) => Results.Redirect(to));
        _app.MapGet("/redirect-permanent", () => Results.Redirect("/feed", permanent: true));
        _app.MapGet("/loop", () => Results.Redirect("/loop"));
        _app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));

        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/");
    }

    private static byte[] MakeGzipBomb(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < size / zeros.Length; i++)
            {
                gzip.Write(zeros);
            }
        }
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
