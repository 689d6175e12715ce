using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public class FetchBackoffTests
{
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    private static readonly FetchBackoff Policy = new();

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(5, 240)]
    [InlineData(7, 960)]
    [InlineData(8, 1440)]
    [InlineData(50, 1440)]
    [InlineData(int.MaxValue, 1440)]
    public void Delay_doubles_and_is_capped_without_jitter(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Policy.Delay(failures, new FixedRandom(0.5)));

    [Fact]
    public void No_failures_means_no_delay() => Assert.Equal(TimeSpan.Zero, Policy.Delay(0, new FixedRandom(0.5)));

    [Fact]
    public void Jitter_spreads_within_bounds_and_never_leaves_base_to_max()
    {
        Assert.Equal(TimeSpan.FromMinutes(144), Policy.Delay(4, new FixedRandom(1.0)));
        Assert.Equal(TimeSpan.FromMinutes(96), Policy.Delay(4, new FixedRandom(0.0)));
        Assert.Equal(TimeSpan.FromMinutes(15), Policy.Delay(1, new FixedRandom(0.0)));
        Assert.Equal(TimeSpan.FromHours(24), Policy.Delay(20, new FixedRandom(1.0)));
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var d = Policy.Delay(random.Next(1, 40), random);
            Assert.InRange(d, TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));
        }
    }

    [Fact]
    public void Next_attempt_adds_the_delay()
    {
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(at.AddMinutes(30), Policy.NextAttempt(at, 2, new FixedRandom(0.5)));
    }

    [Fact]
    public void Failing_for_a_day_counts_from_last_success_or_from_when_the_feed_was_added()
    {
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7));
        Assert.True(Policy.IsFailingForADay(now, now.AddHours(-25), now.AddDays(-30), 3));
        Assert.False(Policy.IsFailingForADay(now, now.AddHours(-23), now.AddDays(-30), 3));
        Assert.False(Policy.IsFailingForADay(now, now.AddHours(-25), now.AddDays(-30), 0));
        Assert.True(Policy.IsFailingForADay(now, null, now.AddDays(-2), 1));
        Assert.False(Policy.IsFailingForADay(now, null, now.AddHours(-2), 5));
    }
}
