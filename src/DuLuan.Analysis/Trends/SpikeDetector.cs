namespace DuLuan.Analysis.Trends;

/// <summary>
/// Is a count (articles on a watch topic, messages in a category) rising against its own seasonal baseline?
/// <para>
/// Input: hourly counts, oldest first, consecutive hours (Vietnam has no daylight saving), the LAST
/// <see cref="SpikeOptions.WindowHours"/> entries being the window to test (the current hour may be partial:
/// counts only grow, so that delays an alert, never invents one). Offsets are in hours, so "same weekday" is
/// simply 168 hours back; no calendar is needed.
/// </para>
/// <para>
/// Baseline. With W the window and W−24d, W−168w the same hours d days and w weeks earlier:
/// D = mean over d = 1..BaselineDays of count(W−24d), K = mean over w = 1..BaselineWeeks of count(W−168w),
/// each over the shifts that lie inside the series (nD, nK of them). Weekly weight a = 0.5·nK/BaselineWeeks
/// (0.5 with full history, less while the weekly mean rests on few weeks), and
/// Expected = max((1−a)·D + a·K, MinimumExpected); with nD = 0 it is MinimumExpected. Written as Σ cᵢ·countᵢ over the
/// distinct earlier windows (7 and 14 days back are both a day and a week shift), its standard error under Poisson
/// noise is SE = sqrt(Expected·Σ cᵢ²).
/// The same-hours mean means a busy morning is compared with earlier mornings, not with the whole day.
/// </para>
/// <para>
/// Test: PValue = P(X ≥ Observed | X ~ Poisson(Expected + SE)). Testing at one standard error above the estimate
/// keeps the false-alarm rate under the threshold although the baseline is itself estimated from noisy counts
/// (testing at Expected alone measured 1.1% alarms at p &lt; 0.01 on flat noise). IsSpike when there are at least MinimumHistoryDays whole
/// days of history, Observed ≥ MinimumCount, Observed ≥ MinimumRatio·Expected and PValue &lt; PValueThreshold. The
/// count and ratio floors guard against news being more bursty than Poisson.
/// </para>
/// </summary>
public static class SpikeDetector
{
    private const int HoursPerDay = 24;
    private const int HoursPerWeek = 7 * HoursPerDay;

    public static SpikeResult Detect(ReadOnlySpan<int> hourlyCounts, SpikeOptions? options = null)
    {
        options ??= new SpikeOptions();
        var window = options.WindowHours;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, HoursPerDay);
        if (hourlyCounts.Length < window)
        {
            throw new ArgumentException($"Need at least {window} hourly counts.", nameof(hourlyCounts));
        }

        var start = hourlyCounts.Length - window;
        var observed = Sum(hourlyCounts, start, window);

        // Weight of each earlier window (by how many hours back it starts) in the baseline.
        var weights = new Dictionary<int, double>();
        var dayCount = Math.Min(options.BaselineDays, start / HoursPerDay);
        var weekCount = Math.Min(options.BaselineWeeks, start / HoursPerWeek);
        var weekWeight = 0.5 * weekCount / options.BaselineWeeks;
        for (var d = 1; d <= dayCount; d++)
        {
            weights[d * HoursPerDay] = (1 - weekWeight) / dayCount;
        }

        for (var w = 1; w <= weekCount; w++)
        {
            weights[w * HoursPerWeek] = weights.GetValueOrDefault(w * HoursPerWeek) + weekWeight / weekCount;
        }

        var expected = options.MinimumExpected;
        var testRate = expected;
        if (dayCount > 0)
        {
            var mean = 0.0;
            foreach (var (back, weight) in weights)
            {
                mean += weight * Sum(hourlyCounts, start - back, window);
            }

            expected = Math.Max(expected, mean);
            var standardError = Math.Sqrt(expected * weights.Values.Sum(c => c * c));
            testRate = expected + standardError;
        }

        var dailyTotals = DailyTotals(hourlyCounts, start);
        var pValue = PoissonTail.AtLeast(observed, testRate);
        var isSpike = dailyTotals.Count >= options.MinimumHistoryDays
            && observed >= options.MinimumCount
            && observed >= options.MinimumRatio * expected
            && pValue < options.PValueThreshold;
        return new SpikeResult(
            observed,
            expected,
            (int)Math.Floor(Percentile(dailyTotals, 0.1)),
            (int)Math.Ceiling(Percentile(dailyTotals, 0.9)),
            pValue,
            isSpike,
            dailyTotals.Count);
    }

    /// <summary>Same as the span overload for sparse (hour, count) rows: missing hours count zero; the window ends at <paramref name="currentHour"/>.</summary>
    public static SpikeResult Detect(IEnumerable<(DateTime Hour, int Count)> counts, DateTime currentHour, SpikeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= new SpikeOptions();
        var length = options.BaselineWeeks * HoursPerWeek + options.WindowHours;
        var series = new int[length];
        var current = Truncate(currentHour);
        foreach (var (hour, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            var back = (current - Truncate(hour)).Ticks / TimeSpan.TicksPerHour;
            if (back >= 0 && back < length)
            {
                series[length - 1 - back] += count;
            }
        }
        return Detect(series, options);
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerHour, t.Kind);

    private static int Sum(ReadOnlySpan<int> counts, int start, int length)
    {
        long sum = 0;
        foreach (var c in counts.Slice(start, length))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c);
            sum += c;
        }
        return (int)Math.Min(sum, int.MaxValue);
    }

    /// <summary>Totals of the whole 24-hour blocks that end where the window starts.</summary>
    private static List<int> DailyTotals(ReadOnlySpan<int> counts, int windowStart)
    {
        var totals = new List<int>();
        for (var end = windowStart; end - HoursPerDay >= 0; end -= HoursPerDay)
        {
            totals.Add(Sum(counts, end - HoursPerDay, HoursPerDay));
        }

        return totals;
    }

    private static double Percentile(List<int> values, double q)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
