using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Jobs;

/// <summary>Jobs begin only once the server listens and the start delay has passed on the clock (a fake one here).</summary>
public sealed class JobStartTests
{
    [Fact]
    public async Task The_wait_ends_only_after_the_server_listens_and_the_delay_passes()
    {
        var clock = new FakeTimeProvider();
        using var started = new CancellationTokenSource();
        var wait = JobStart.WaitAsync(TimeSpan.FromSeconds(5), clock, started.Token, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(60));
        await Task.Yield();
        Assert.False(wait.IsCompleted); // the clock alone does not start jobs before the server listens

        await started.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await wait;
    }

    [Fact]
    public async Task Without_a_delay_or_a_server_the_wait_ends_at_once_and_a_stop_cancels_it()
    {
        var clock = new FakeTimeProvider();
        using var started = new CancellationTokenSource();
        await started.CancelAsync();
        await JobStart.WaitAsync(TimeSpan.Zero, clock, started.Token, CancellationToken.None);
        await JobStart.WaitAsync(TimeSpan.Zero, clock, CancellationToken.None, CancellationToken.None);

        using var never = new CancellationTokenSource();
        using var stopping = new CancellationTokenSource();
        var wait = JobStart.WaitAsync(TimeSpan.FromSeconds(5), clock, never.Token, stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        using var stopping2 = new CancellationTokenSource();
        var delayed = JobStart.WaitAsync(TimeSpan.FromSeconds(5), clock, started.Token, stopping2.Token);
        await stopping2.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delayed);
    }

    [Theory]
    [InlineData(null, JobStart.DefaultDelaySeconds)]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    [InlineData("-3", 0)]
    public void The_delay_is_read_from_the_setting(string? value, int seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [JobStart.DelaySetting] = value }).Build();
        Assert.Equal(TimeSpan.FromSeconds(seconds), JobStart.Delay(configuration));
    }
}
