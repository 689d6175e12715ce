namespace DuLuan.Bench.Trust;

/// <summary>
/// The soak's memory verdict. The goal is about growth (a leak): resident memory after warm-up (the median of
/// minutes 5–10, scaled down for a short run) against the median of the last 5 minutes (the last sixth). A drop is
/// not growth and meets the goal (the GC gave memory back); only a rise of 10 % or more fails. The run is judged at
/// the length it was asked for (`--minutes`; 120 in a full trust run, 3 with --quick), and the goal's text names that
/// length, so a quick run is never shown as a 2-hour result; a run cut short of it is not met.
/// </summary>
public sealed record SoakMemory(double Minutes, double RequestedMinutes, long WarmKb, long LastKb, long PeakKb)
{
    public const double GrowthLimitPercent = 10;

    /// <summary>Signed change from warm-up to the end, per cent of the warm-up figure (negative: memory fell).</summary>
    public double ChangePercent => WarmKb == 0 ? double.NaN : (LastKb - WarmKb) * 100.0 / WarmKb;

    /// <summary>Growth only: a drop counts as 0.</summary>
    public double GrowthPercent => double.IsNaN(ChangePercent) ? double.NaN : Math.Max(0, ChangePercent);

    /// <summary>The whole asked-for length ran (a sampling tick of slack).</summary>
    public bool RanFullLength => Minutes >= RequestedMinutes - 0.5;

    public bool Met => !double.IsNaN(ChangePercent) && GrowthPercent < GrowthLimitPercent && RanFullLength;

    public static SoakMemory From(IReadOnlyCollection<(double Minute, long Rss)> samples, double measuredMinutes, double requestedMinutes)
    {
        var warmFrom = Math.Min(5, measuredMinutes / 6);
        var warmTo = Math.Min(10, measuredMinutes / 3);
        var warm = Median(samples.Where(s => s.Minute >= warmFrom && s.Minute < warmTo).Select(s => s.Rss));
        var last = Median(samples.Where(s => s.Minute >= measuredMinutes - Math.Min(5, measuredMinutes / 6)).Select(s => s.Rss));
        var peak = samples.Count == 0 ? 0 : samples.Max(s => s.Rss);
        return new SoakMemory(measuredMinutes, requestedMinutes, warm, last, peak);
    }

    public string Goal(string provider) =>
        $"memory growth under {GrowthLimitPercent:F0}% over a {RequestedMinutes:F0}-min soak with feed ingest ({provider}; a drop is not growth; the full trust run soaks 120 min)";

    public string Measured()
    {
        var change = double.IsNaN(ChangePercent)
            ? "no warm-up sample"
            : ChangePercent <= 0 ? $"growth 0% (memory fell {-ChangePercent:F1}%)" : $"growth {ChangePercent:F1}%";
        var length = RanFullLength ? $"over {Minutes:F0} min" : $"over {Minutes:F0} of the {RequestedMinutes:F0} min asked (cut short)";
        return $"{change} {length} (resident memory {WarmKb / 1024:N0} MB after warm-up → {LastKb / 1024:N0} MB, peak {PeakKb / 1024:N0} MB)";
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
