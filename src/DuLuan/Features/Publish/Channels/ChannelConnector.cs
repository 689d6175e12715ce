namespace DuLuan.Features.Publish.Channels;

/// <summary>What a connector sends: built from the post, already checked against the platform's limits.</summary>
public sealed record PostPayload(string Title, string Text, string? LinkUrl, byte[]? Image, string? ImageContentType, string? ImageUrl, string Author);

/// <summary>A platform's answer, reduced to what the workflow needs.</summary>
public sealed record ConnectorResult(bool Ok, string? ExternalId, int? HttpStatus, string? Message, bool Retryable, bool TokenRejected)
{
    public static ConnectorResult Published(string id) => new(true, id, 200, null, false, false);

    public static ConnectorResult Error(int? status, string message, bool retryable, bool tokenRejected = false) => new(false, null, status, message, retryable, tokenRejected);
}

/// <summary>A connector to one platform's documented API (the outbound HTTP seam tests replace with loopback fakes).</summary>
public interface IChannelConnector
{
    ChannelKind Kind { get; }

    Task<ConnectorResult> PublishAsync(PublishChannel channel, string token, PostPayload payload, CancellationToken ct);
}

/// <summary>Platform base addresses and limits, configurable so tests point them at loopback fakes.</summary>
public sealed class PublishOptions
{
    public const string Section = "Publish";

    public string FacebookBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";

    public string ZaloBaseUrl { get; set; } = "https://openapi.zalo.me";

    /// <summary>The public address of this portal, used for links and for image URLs platforms fetch (Zalo's cover).</summary>
    public string PortalBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds between publishing-job passes; 0 turns the job off (tests drive it by hand).</summary>
    public int JobSeconds { get; set; } = 20;

    public int LeaseSeconds { get; set; } = 300;

    public int MaxAttempts { get; set; } = 5;

    public int BackoffSeconds { get; set; } = 60;

    /// <summary>Minutes between two pulls of a channel's post metrics; 0 turns the metrics puller off.</summary>
    public int MetricsPullMinutes { get; set; } = 360;

    /// <summary>Posts published within this many days have their metrics pulled.</summary>
    public int MetricsPullDays { get; set; } = 28;
}
