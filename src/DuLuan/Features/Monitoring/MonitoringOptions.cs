namespace DuLuan.Features.Monitoring;

/// <summary>Settings under "Monitoring".</summary>
public sealed class MonitoringOptions
{
    /// <summary>How often the scheduler looks for due feeds; 0 turns polling off.</summary>
    public int SchedulerSeconds { get; set; } = 30;

    /// <summary>How long a claimed feed stays leased to one instance; a killed instance's leases expire after this.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Feeds claimed per scheduler tick.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Hosts fetched at the same time (each host one request at a time).</summary>
    public int HostConcurrency { get; set; } = 4;

    /// <summary>Pause between two requests to the same host.</summary>
    public int PerHostDelayMilliseconds { get; set; } = 2000;

    /// <summary>Hosts an admin allows even though they resolve to loopback or private addresses (an intranet portal).</summary>
    public List<string> AllowedHosts { get; } = [];

    /// <summary>How often spikes are looked for and alert digests are mailed, in minutes; 0 turns it off.</summary>
    public int AlertMinutes { get; set; } = 15;

    /// <summary>Serves the demo's fixture feeds at /demo-feeds/ (only the demo command turns this on).</summary>
    public bool DemoFeeds { get; set; }
}
