using DuLuan.Analysis.Trends;

namespace DuLuan.Analysis.Tests.Trends;

public class SpikeDetectorTests
{
    private const int Days = 28;

    private static int Poisson(Random random, double lambda)
    {
        // Knuth's product method; fine for the small rates used here.
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }

    private static int[] Series(Random random, int hours, Func<int, double> rate) =>
        Enumerable.Range(0, hours).Select(h => Poisson(random, rate(h))).ToArray();

    [Theory]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(1, 1.0, 0.6321205588285577)]
    [InlineData(5, 1.0, 0.0036598468273437131)]
    [InlineData(3, 6.0, 0.938031195583341)]
    [InlineData(13, 6.0, 0.008827483517898716)]
    public void Poisson_tail_matches_known_values(int k, double lambda, double expected)
    {
        Assert.Equal(expected, PoissonTail.AtLeast(k, lambda), 12);
    }

    [Fact]
    public void Poisson_tail_is_stable_for_huge_counts()
    {
        Assert.Equal(0.5, PoissonTail.AtLeast(100_000, 100_000), 2);
        var above = PoissonTail.AtLeast(101_000, 100_000);
        Assert.InRange(above, 0.0005, 0.001); // about 3.16 standard deviations above
        Assert.Equal(0.0, PoissonTail.AtLeast(100_000, 50_000));
        Assert.Equal(1.0, PoissonTail.AtLeast(50_000, 100_000), 12);
        Assert.Equal(Math.Log(120.0), PoissonTail.LogFactorial(5), 12);
        Assert.Equal(Math.Log(2432902008176640000.0), PoissonTail.LogFactorial(20), 10);
    }

    [Fact]
    public void Flat_noise_alarms_less_often_than_the_p_threshold()
    {
        var pure = new SpikeOptions { PValueThreshold = 0.01, MinimumCount = 0, MinimumRatio = 0 };
        var windows = 0;
        var pureAlarms = 0;
        var defaultAlarms = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var series = Series(new Random(seed), 2 * Days * 24, _ => 2.0);
            for (var end = Days * 24; end <= series.Length; end += 3)
            {
                windows++;
                if (SpikeDetector.Detect(series.AsSpan(0, end), pure).IsSpike)
                {
                    pureAlarms++;
                }

                if (SpikeDetector.Detect(series.AsSpan(0, end)).IsSpike)
                {
                    defaultAlarms++;
                }
            }
        }
        // The default thresholds (p < 0.001, at least 5 items and twice the expected count) stay under their p threshold.
        Assert.True(defaultAlarms <= 0.001 * windows, $"{defaultAlarms} alarms in {windows} windows");
        // The statistic alone, without the count and ratio floors, also stays under its threshold.
        Assert.True(pureAlarms <= 0.01 * windows, $"{pureAlarms} alarms in {windows} windows");
    }

    [Fact]
    public void Injected_burst_is_detected()
    {
        var random = new Random(1);
        var series = Series(random, Days * 24 + 3, _ => 1.0);
        Assert.False(SpikeDetector.Detect(series).IsSpike);

        series[^1] += 6;
        series[^2] += 5;
        series[^3] += 4;
        var result = SpikeDetector.Detect(series);
        Assert.True(result.IsSpike);
        Assert.InRange(result.Expected, 1.5, 4.5);
        Assert.True(result.PValue < 1e-4);
        Assert.InRange(result.TypicalDailyLow, 15, 24);
        Assert.InRange(result.TypicalDailyHigh, 24, 33);
        Assert.Equal(Days, result.HistoryDays);
    }

    [Fact]
    public void Busy_mornings_do_not_alarm_every_morning_but_a_tripled_morning_does()
    {
        static double Rate(int hour) => hour % 24 is >= 7 and < 10 ? 20.0 : 1.0;
        var random = new Random(3);
        var series = Series(random, (Days + 7) * 24, Rate);
        var alarms = 0;
        for (var end = Days * 24; end <= series.Length; end++)
        {
            if (SpikeDetector.Detect(series.AsSpan(0, end)).IsSpike)
            {
                alarms++;
            }
        }
        Assert.Equal(0, alarms);

        // The same morning window against a flat baseline (no seasonality) would look like a spike.
        var morningEnd = (Days + 6) * 24 + 10;
        var morning = SpikeDetector.Detect(series.AsSpan(0, morningEnd));
        Assert.InRange(morning.Expected, 50, 70);
        Assert.True(PoissonTail.AtLeast(morning.Observed, series.AsSpan(0, morningEnd - 3).ToArray().Average() * 3) < 1e-6);

        var tripled = series.AsSpan(0, morningEnd).ToArray();
        for (var h = 1; h <= 3; h++)
        {
            tripled[^h] *= 3;
        }

        Assert.True(SpikeDetector.Detect(tripled).IsSpike);
    }

    [Fact]
    public void Weekly_rhythm_is_part_of_the_baseline()
    {
        // Mondays (every 7th day) carry 10 items an hour in the morning; other days 1.
        static double Rate(int hour) => hour / 24 % 7 == 0 && hour % 24 is >= 7 and < 10 ? 10.0 : 1.0;
        var random = new Random(5);
        var series = Series(random, (Days + 1) * 24, Rate);
        var mondayMorning = SpikeDetector.Detect(series.AsSpan(0, Days * 24 + 10));
        Assert.InRange(mondayMorning.Expected, 14, 24); // half the same-weekday mean (~30), half the daily mean (~5)
    }

    [Fact]
    public void Empty_history_never_alarms()
    {
        var result = SpikeDetector.Detect([40, 50, 60]);
        Assert.Equal(150, result.Observed);
        Assert.Equal(0.5, result.Expected);
        Assert.Equal((0, 0, 0), (result.TypicalDailyLow, result.TypicalDailyHigh, result.HistoryDays));
        Assert.False(result.IsSpike);
        Assert.Throws<ArgumentException>(() => SpikeDetector.Detect([1, 2]));
    }

    [Fact]
    public void All_zeros_then_a_first_burst()
    {
        var zeros = new int[Days * 24 + 3];
        var quiet = SpikeDetector.Detect(zeros);
        Assert.Equal((0, 0.5, 1.0, false), (quiet.Observed, quiet.Expected, quiet.PValue, quiet.IsSpike));

        zeros[^1] = 4;
        Assert.False(SpikeDetector.Detect(zeros).IsSpike); // below the minimum count
        zeros[^2] = 2;
        Assert.True(SpikeDetector.Detect(zeros).IsSpike);
    }

    [Fact]
    public void Huge_counts_neither_overflow_nor_alarm_on_ordinary_noise()
    {
        var series = Enumerable.Repeat(33_000, Days * 24 + 3).ToArray();
        var steady = SpikeDetector.Detect(series);
        Assert.Equal(99_000, steady.Observed);
        Assert.Equal(99_000, steady.Expected, 6);
        Assert.False(steady.IsSpike);
        Assert.Equal((792_000, 792_000), (steady.TypicalDailyLow, steady.TypicalDailyHigh));

        series[^1] = series[^2] = series[^3] = 70_000;
        var burst = SpikeDetector.Detect(series);
        Assert.True(burst.IsSpike);
        Assert.Equal(0.0, burst.PValue);
    }

    [Fact]
    public void Sparse_rows_by_hour_are_aligned_to_the_current_hour()
    {
        var now = new DateTime(2026, 11, 23, 9, 40, 0, DateTimeKind.Unspecified);
        var rows = new List<(DateTime, int)>();
        for (var d = 1; d <= 28; d++)
        {
            rows.Add((now.AddDays(-d).AddMinutes(-30), 1));
        }

        rows.Add((now.AddMinutes(-20), 9));
        rows.Add((now.AddHours(-2), 3));
        rows.Add((now.AddHours(-3), 100)); // just outside the window
        var result = SpikeDetector.Detect(rows, now);
        Assert.Equal(12, result.Observed);
        Assert.Equal(1.0, result.Expected, 6);
        Assert.True(result.IsSpike);
    }
}
