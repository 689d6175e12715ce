using System.Globalization;
using System.Net;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Fetches one feed politely and safely: one HttpClient over a SocketsHttpHandler whose connect
/// step refuses non-public addresses (see GuardedConnector), redirects followed by hand (at most
/// MaxRedirects, http/https only, each hop connecting through the same guard), conditional GET,
/// gzip/deflate/brotli with the cap on decompressed bytes, an overall timeout and a trickle guard.
/// Never throws for what a server does; only the caller's own cancellation propagates.
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];
    private readonly FeedFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;

    public FeedFetcher(FeedFetcherOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new FeedFetcherOptions();
        _time = timeProvider ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = new GuardedConnector(_options).ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 2,
            MaxResponseHeadersLength = 64,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<FetchResult> FetchAsync(Uri url, string? etag = null, DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var slow = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, slow.Token);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (!current.IsAbsoluteUri || (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps))
                {
                    return Failed(url, current, started, hop == 0
                        ? new FetchError(FetchErrorKind.InvalidUrl, new Message("Monitoring.Fetch.InvalidUrl", current.ToString()))
                        : new FetchError(FetchErrorKind.BadRedirect, new Message("Monitoring.Fetch.BadRedirect", current.ToString())));
                }
                using var request = BuildRequest(current, etag, lastModified);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var code = (int)response.StatusCode;
                if (RedirectCodes.Contains(code) && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return Failed(url, current, started, new FetchError(FetchErrorKind.TooManyRedirects, new Message("Monitoring.Fetch.TooManyRedirects", _options.MaxRedirects)));
                    }
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult
                    {
                        Status = FetchStatus.NotModified,
                        RequestedUrl = url,
                        FinalUrl = current,
                        HttpStatus = code,
                        ETag = response.Headers.ETag?.ToString() ?? etag,
                        LastModified = response.Content.Headers.LastModified ?? lastModified,
                        Elapsed = _time.GetElapsedTime(started),
                    };
                }
                if (!response.IsSuccessStatusCode)
                {
                    return Failed(url, current, started, new FetchError(FetchErrorKind.HttpError, new Message("Monitoring.Fetch.Http", code, response.ReasonPhrase)), code);
                }
                return await ReadBodyAsync(url, current, response, started, slow, linked.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (slow.IsCancellationRequested)
        {
            return Failed(url, current, started, TooSlow());
        }
        catch (OperationCanceledException)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            return Failed(url, current, started, new FetchError(FetchErrorKind.Timeout, new Message("Monitoring.Fetch.Timeout", seconds)));
        }
        catch (HttpRequestException ex)
        {
            return Failed(url, current, started, Describe(ex, current));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Failed(url, current, started, new FetchError(FetchErrorKind.CorruptData, new Message("Monitoring.Fetch.Corrupt", ex.Message)));
        }
        catch (UriFormatException)
        {
            return Failed(url, current, started, new FetchError(FetchErrorKind.BadRedirect, new Message("Monitoring.Fetch.InvalidRedirect")));
        }
    }

    private HttpRequestMessage BuildRequest(Uri url, string? etag, DateTimeOffset? lastModified)
    {
        // HTTP/1.1 or 2 only: HTTP/3 runs over QUIC, which would not pass through ConnectCallback.
        var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept",
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (!string.IsNullOrWhiteSpace(etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (lastModified is { } since)
        {
            request.Headers.IfModifiedSince = since;
        }
        return request;
    }

    private async Task<FetchResult> ReadBodyAsync(Uri url, Uri current, HttpResponseMessage response, long started,
        CancellationTokenSource slow, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > _options.MaxBytes)
        {
            return Failed(url, current, started, TooLarge(), code);
        }
        long total = 0;
        var bodyStarted = _time.GetTimestamp();
        using var guard = _options.MinBytesPerSecond <= 0 ? null : _time.CreateTimer(_ =>
        {
            var elapsed = _time.GetElapsedTime(bodyStarted);
            if (elapsed >= _options.ThroughputGracePeriod && Interlocked.Read(ref total) / elapsed.TotalSeconds < _options.MinBytesPerSecond)
            {
                try
                {
                    slow.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The fetch finished while this tick was running.
                }
            }
        }, null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));

        using var body = new MemoryStream();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (Interlocked.Add(ref total, read) > _options.MaxBytes)
            {
                return Failed(url, current, started, TooLarge(), code);
            }
            body.Write(buffer, 0, read);
        }
        var contentType = response.Content.Headers.ContentType;
        return new FetchResult
        {
            Status = FetchStatus.Ok,
            RequestedUrl = url,
            FinalUrl = current,
            HttpStatus = code,
            Body = body.ToArray(),
            ContentType = contentType?.MediaType,
            Charset = contentType?.CharSet?.Trim('"'),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified,
            Elapsed = _time.GetElapsedTime(started),
        };
    }

    private static FetchError Describe(HttpRequestException ex, Uri current)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException)
            {
                // Say only that the address is not allowed: what the name resolved to is the server's own business.
                return new FetchError(FetchErrorKind.BlockedAddress, new Message("Monitoring.Fetch.Blocked", current.Host));
            }
        }
        if (ex.HttpRequestError == HttpRequestError.NameResolutionError
            || ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound })
        {
            return new FetchError(FetchErrorKind.HostNotFound, new Message("Monitoring.Fetch.HostNotFound", current.Host));
        }
        // The socket's own message names the address it tried: leave it to the logs.
        return new FetchError(FetchErrorKind.ConnectionFailed, new Message("Monitoring.Fetch.ConnectionFailed", current.Host));
    }

    private FetchError TooSlow()
    {
        var rate = _options.MinBytesPerSecond.ToString("0", CultureInfo.InvariantCulture);
        return new FetchError(FetchErrorKind.TooSlow, new Message("Monitoring.Fetch.TooSlow", rate));
    }

    private FetchError TooLarge()
    {
        var mb = (_options.MaxBytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture);
        return new FetchError(FetchErrorKind.TooLarge, new Message("Monitoring.Fetch.TooLarge", mb));
    }

    private FetchResult Failed(Uri url, Uri current, long started, FetchError error, int? code = null) => new()
    {
        Status = FetchStatus.Failed,
        RequestedUrl = url,
        FinalUrl = current,
        HttpStatus = code,
        Error = error,
        Elapsed = _time.GetElapsedTime(started),
    };

    public void Dispose() => _client.Dispose();
}
