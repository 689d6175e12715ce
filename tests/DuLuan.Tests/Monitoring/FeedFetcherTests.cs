using System.Diagnostics;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public class FeedFetcherTests(FeedTestServer server) : IClassFixture<FeedTestServer>
{
    private FeedFetcher Fetcher(Action<FeedFetcherOptions>? configure = null)
    {
        var options = new FeedFetcherOptions { Timeout = TimeSpan.FromSeconds(10) };
        options.AllowedHosts.Add($"127.0.0.1:{server.Port}");
        configure?.Invoke(options);
        return new FeedFetcher(options);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Normal_feed_then_not_modified_with_etag()
    {
        using var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(server.Url("feed"), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal("utf-8", first.Charset);
        Assert.Equal("application/rss+xml", first.ContentType);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), first.LastModified);
        Assert.StartsWith("DuLuan/", server.LastUserAgent, StringComparison.Ordinal);
        Assert.Contains("br", server.LastAcceptEncoding, StringComparison.Ordinal);
        var parsed = new FeedParser().Parse(first.Body!, first.Charset, first.FinalUrl);
        Assert.Equal(3, parsed.Entries.Count);

        var second = await fetcher.FetchAsync(server.Url("feed"), first.ETag, first.LastModified, Ct);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);
        Assert.Equal("\"v1\"", second.ETag);
    }

    [Fact]
    public async Task If_modified_since_is_sent()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("feed-since"), null, DateTimeOffset.UnixEpoch.AddYears(50), Ct);
        Assert.Equal(FetchStatus.NotModified, result.Status);
    }

    [Fact]
    public async Task Brotli_is_decompressed()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("brotli"), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(3, new FeedParser().Parse(result.Body!, result.Charset).Entries.Count);
    }

    [Fact]
    public async Task Gzip_bomb_stops_at_the_decompressed_cap()
    {
        using var fetcher = Fetcher(o => o.MaxBytes = 2 * 1024 * 1024);
        var result = await fetcher.FetchAsync(server.Url("gzip-bomb"), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(FetchErrorKind.TooLarge, result.Error!.Kind);
        Assert.Contains("Feed quá lớn", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_megabyte_body_stops_at_the_default_cap()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("huge"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.TooLarge, result.Error!.Kind);
        Assert.Contains("10 MB", result.Error.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_fifty_megabytes_is_refused_before_reading()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("huge-declared"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.TooLarge, result.Error!.Kind);
    }

    [Fact]
    public async Task Trickle_of_one_byte_a_second_fails_as_too_slow()
    {
        using var fetcher = Fetcher(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(6);
            o.MinBytesPerSecond = 100;
            o.ThroughputGracePeriod = TimeSpan.FromSeconds(1);
        });
        var watch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(server.Url("trickle"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.TooSlow, result.Error!.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Trickle_without_throughput_guard_hits_the_overall_timeout()
    {
        using var fetcher = Fetcher(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.MinBytesPerSecond = 0;
        });
        var watch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(server.Url("trickle"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal("Máy chủ trả lời quá chậm (quá 2 giây) / The server took longer than 2 s", result.Error.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Loopback_is_refused_unless_allow_listed()
    {
        using var fetcher = new FeedFetcher(new FeedFetcherOptions { Timeout = TimeSpan.FromSeconds(5) });
        var result = await fetcher.FetchAsync(server.Url("feed"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.BlockedAddress, result.Error!.Kind);
        Assert.Contains("not allowed", result.Error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("resolves", result.Error.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:{port}/feed")]
    [InlineData("http://127.0.0.1:1/feed")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/feed")]
    [InlineData("http://0.0.0.0:{port}/feed")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://[::1]:{port}/feed")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    public async Task Redirect_to_a_non_allowed_internal_address_is_refused(string target)
    {
        using var fetcher = Fetcher(o => o.ConnectTimeout = TimeSpan.FromSeconds(2));
        var to = target.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var result = await fetcher.FetchAsync(server.Url("redirect?to=" + Uri.EscapeDataString(to)), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(FetchErrorKind.BlockedAddress, result.Error!.Kind);
        Assert.Equal(new Uri(to), result.FinalUrl);
    }

    [Fact]
    public async Task Allowed_redirect_is_followed_and_final_url_reported()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("redirect-permanent"), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("feed"), result.FinalUrl);
    }

    [Fact]
    public async Task Redirect_loop_stops_after_five()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("loop"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.TooManyRedirects, result.Error!.Kind);
    }

    [Theory]
    [InlineData("ftp://example.com/feed")]
    [InlineData("file:///etc/passwd")]
    public async Task Redirect_to_another_scheme_is_refused(string to)
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("redirect?to=" + Uri.EscapeDataString(to)), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.BadRedirect, result.Error!.Kind);
    }

    [Fact]
    public async Task Http_error_is_reported_in_both_languages()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(server.Url("status/503"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.HttpError, result.Error!.Kind);
        Assert.Equal(503, result.HttpStatus);
        Assert.StartsWith("Máy chủ trả lời lỗi HTTP 503 / The server answered HTTP 503", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_scheme_is_refused_without_a_request()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(new Uri("file:///etc/passwd"), cancellationToken: Ct);
        Assert.Equal(FetchErrorKind.InvalidUrl, result.Error!.Kind);
    }

    [Fact]
    public async Task Unknown_host_is_reported()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync(new Uri("http://khong-ton-tai.invalid/feed"), cancellationToken: Ct);
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains(result.Error!.Kind, new[] { FetchErrorKind.HostNotFound, FetchErrorKind.ConnectionFailed });
    }

    [Theory]
    [InlineData("rss-windows1258.xml", null, "Người dân đón Tết an toàn")]
    [InlineData("rss-windows1258.xml", "windows-1258", "Người dân đón Tết an toàn")]
    [InlineData("rss-declared-latin1.xml", "utf-8", null)]
    public async Task Fetched_bytes_and_charset_feed_the_parser(string fixture, string? charset, string? firstTitle)
    {
        using var fetcher = Fetcher();
        var query = charset is null ? "" : "?charset=" + charset;
        var result = await fetcher.FetchAsync(server.Url("fixture/" + fixture + query), cancellationToken: Ct);
        Assert.Equal(charset, result.Charset);
        var feed = new FeedParser().Parse(result.Body!, result.Charset, result.FinalUrl);
        if (firstTitle is null)
        {
            Assert.Equal("Tiếng Việt", feed.Title); // HTTP charset beat the XML declaration
        }
        else
        {
            Assert.Equal(firstTitle, feed.Entries[0].Title);
        }
    }
}
