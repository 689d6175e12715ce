namespace DuLuan.Features.Monitoring;

/// <summary>A news or official-page feed a unit follows, with its polling state and health.</summary>
public sealed class Feed
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public required string Url { get; set; }

    public required string Name { get; set; }

    /// <summary>The publisher shown beside stories ("Báo Đà Nẵng"); several feeds can share one outlet.</summary>
    public required string Outlet { get; set; }

    public string Language { get; set; } = "vi";

    public int PollMinutes { get; set; } = 30;

    public bool Active { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime NextPollAt { get; set; }

    /// <summary>Instance holding the fetch lease; the lease lets several instances share feeds without fetching one twice.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public string? ETag { get; set; }

    public DateTime? LastModified { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Last failure in plain words, "Vietnamese / English"; cleared by a success.</summary>
    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    public int LastItemCount { get; set; }
}
