namespace DuLuan.Features.Publish.Channels;

public enum ChannelKind
{
    Facebook,
    Zalo,
}

/// <summary>An official external channel of a unit (its own Facebook Page or Zalo OA); the portal is built in and needs no row.</summary>
public sealed class PublishChannel
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public ChannelKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The page id (Facebook) or OA id (Zalo).</summary>
    public required string ExternalId { get; set; }

    /// <summary>The page / OA access token, encrypted with Data Protection.</summary>
    public required string TokenProtected { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>False after the platform rejected the token: the channel shows red with <see cref="HealthMessage"/>.</summary>
    public bool Healthy { get; set; } = true;

    public string? HealthMessage { get; set; }

    public DateTime? HealthAt { get; set; }

    /// <summary>When the metrics puller last finished with this channel (null: never).</summary>
    public DateTime? MetricsPulledAt { get; set; }

    /// <summary>The instance pulling this channel's metrics now, and until when (a lease, as posts have for publishing).</summary>
    public string? MetricsLeaseOwner { get; set; }

    public DateTime? MetricsLeaseUntil { get; set; }
}
