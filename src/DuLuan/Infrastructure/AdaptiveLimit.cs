namespace DuLuan.Infrastructure;

/// <summary>
/// A concurrency limit that follows measured latency (AIMD): the writes finished in each window of
/// <see cref="Window"/> are averaged; over <see cref="Target"/> the limit is cut by a quarter, at or under it (and with the
/// limit reached in that window) it grows by one, between <see cref="Min"/> and <see cref="Max"/>. So when the machine
/// slows down (a CPU hog, a stalled disk) fewer writes are let in at once and the rest are refused with 429 quickly
/// instead of waiting until the client gives up; when it recovers the limit climbs back. Not thread-safe: the owner locks.
/// The clock is injected so tests drive it with a fake clock and a made-up latency feed.
/// </summary>
public sealed class AdaptiveLimit(int min, int max, TimeSpan target, TimeSpan window, TimeProvider clock)
{
    private long windowStart = clock.GetTimestamp();
    private double sumMilliseconds;
    private int samples;
    private bool saturated;

    public int Min { get; } = Math.Max(1, Math.Min(min, max));

    public int Max { get; } = Math.Max(1, max);

    public TimeSpan Target { get; } = target;

    public TimeSpan Window { get; } = window;

    /// <summary>Writes allowed in flight now.</summary>
    public int Current { get; private set; } = Math.Max(1, max);

    /// <summary>The mean latency of the last closed window (zero before the first).</summary>
    public TimeSpan Observed { get; private set; }

    /// <summary>The owner saw every turn taken (a write waited or was refused): growing the limit is warranted.</summary>
    public void Saturated() => saturated = true;

    /// <summary>One write finished after <paramref name="latency"/> in flight; closes the window when it is over.</summary>
    public void Record(TimeSpan latency)
    {
        sumMilliseconds += latency.TotalMilliseconds;
        samples++;
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(windowStart, now) < Window)
        {
            return;
        }

        Observed = TimeSpan.FromMilliseconds(sumMilliseconds / samples);
        if (Observed > Target)
        {
            Current = Math.Max(Min, (int)(Current * 0.75));
        }
        else if (saturated)
        {
            Current = Math.Min(Max, Current + 1);
        }

        windowStart = now;
        sumMilliseconds = 0;
        samples = 0;
        saturated = false;
    }
}
