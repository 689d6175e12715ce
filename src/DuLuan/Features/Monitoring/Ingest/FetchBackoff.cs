namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// When to try a failing feed again: Base * 2^(failures-1), capped at Max, spread by +/- Jitter
/// so feeds that failed together do not retry together. Pure: the caller passes the clock
/// reading and the Random.
/// </summary>
public sealed record FetchBackoff
{
    public TimeSpan Base { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan Max { get; init; } = TimeSpan.FromHours(24);
    /// <summary>Fraction of the delay, 0..1.</summary>
    public double Jitter { get; init; } = 0.2;
    public TimeSpan FailingWarningAfter { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan Delay(int consecutiveFailures, Random random)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }
        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var raw = Math.Min(Base.Ticks * Math.Pow(2, exponent), Max.Ticks);
        var spread = 1 + ((random.NextDouble() * 2) - 1) * Jitter;
        var ticks = Math.Clamp(raw * spread, Base.Ticks, Max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public DateTimeOffset NextAttempt(DateTimeOffset lastAttempt, int consecutiveFailures, Random random) =>
        lastAttempt + Delay(consecutiveFailures, random);

    /// <summary>
    /// True when the feed has not succeeded for a day: since its last success, or, if it never
    /// succeeded, since it was added. A feed that never fails is never flagged.
    /// </summary>
    public bool IsFailingForADay(DateTimeOffset now, DateTimeOffset? lastSuccess, DateTimeOffset addedAt, int consecutiveFailures) =>
        consecutiveFailures > 0 && now - (lastSuccess ?? addedAt) >= FailingWarningAfter;
}
