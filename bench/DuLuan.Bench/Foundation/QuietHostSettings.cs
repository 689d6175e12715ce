namespace DuLuan.Bench.Foundation;

/// <summary>
/// Settings of an app a page bench drives over HTTP: no rate limit in the way of the measured requests, and none of
/// the background jobs (publishing, feed polling, alerts, the overdue sweep), whose work would land in the timings.
/// </summary>
public static class QuietHostSettings
{
    public static Dictionary<string, string?> Create() => new()
    {
        ["RateLimits:RequestsPerMinute"] = "100000000",
        ["RateLimits:SignInPerMinute"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Publish:JobSeconds"] = "0",
        ["Monitoring:SchedulerSeconds"] = "0",
        ["Monitoring:AlertMinutes"] = "0",
        ["Cases:WorkingHours:SweepMinutes"] = "0",
        ["Cases:AgencyFigures:Minutes"] = "0",
    };
}
