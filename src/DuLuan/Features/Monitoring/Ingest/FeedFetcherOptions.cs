namespace DuLuan.Features.Monitoring.Ingest;

public sealed class FeedFetcherOptions
{
    /// <summary>Whole fetch, redirects and body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cap on the body after decompression (so a gzip bomb stops here too).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Below this rate, after the grace period, the body read is abandoned. 0 turns it off.</summary>
    public double MinBytesPerSecond { get; set; } = 512;

    public TimeSpan ThroughputGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string UserAgent { get; set; } =
        "DuLuan/1.0 (feed reader of a public-information office; polls politely, honours ETag and Last-Modified)";

    /// <summary>
    /// Hosts an administrator explicitly allows even though they resolve to loopback, link-local or
    /// private addresses: "intranet.example" (any port) or "10.0.0.5:8080" (that port only).
    /// Compared with the host exactly as written in the URL, case-insensitively.
    /// </summary>
    public ISet<string> AllowedHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
