using System.Diagnostics.Metrics;
using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The admission limit follows measured latency (issue #21 item 7): driven by a fake clock and a made-up latency feed,
/// so nothing depends on the machine's speed. Slow writes cut the turns and a full gate then answers 429 at once instead
/// of queueing a write it cannot serve within its wait bound; fast writes let the turns climb back to the maximum.
/// </summary>
public sealed class AdaptiveLimitTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Latency_over_the_target_cuts_the_limit_to_its_floor_and_latency_under_it_grows_it_back_to_the_maximum()
    {
        var clock = new FakeTimeProvider();
        var limit = new AdaptiveLimit(4, 64, Target, Window, clock);
        Assert.Equal(64, limit.Current);

        var seen = new List<int>();
        for (var w = 0; w < 20; w++)
        {
            Feed(limit, clock, TimeSpan.FromMilliseconds(900), saturated: true);
            seen.Add(limit.Current);
        }

        Assert.Equal(48, seen[0]); // a quarter off per window
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second <= p.First));
        Assert.Equal(4, limit.Current);
        Assert.Equal(TimeSpan.FromMilliseconds(900), limit.Observed);

        // Fast again but nobody waiting: no reason to grow.
        Feed(limit, clock, TimeSpan.FromMilliseconds(20), saturated: false);
        Assert.Equal(4, limit.Current);

        // Fast and saturated: one more turn per window, up to the maximum and no further.
        for (var w = 0; w < 100; w++)
        {
            Feed(limit, clock, TimeSpan.FromMilliseconds(20), saturated: true);
        }

        Assert.Equal(64, limit.Current);
    }

    [Fact]
    public void Samples_inside_one_window_do_not_move_the_limit()
    {
        var clock = new FakeTimeProvider();
        var limit = new AdaptiveLimit(4, 64, Target, Window, clock);
        for (var i = 0; i < 1000; i++)
        {
            limit.Record(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(64, limit.Current);
        clock.Advance(Window);
        limit.Record(TimeSpan.FromSeconds(5));
        Assert.Equal(48, limit.Current);
    }

    [Fact]
    public async Task After_slow_writes_a_full_gate_refuses_with_429_and_Retry_After_at_once_and_fast_writes_reopen_it()
    {
        var clock = new FakeTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:PublicWritesInFlight"] = "8",
            ["RateLimits:PublicWritesQueue"] = "64",
            ["RateLimits:PublicWritesWaitMilliseconds"] = "250",
            ["RateLimits:PublicWritesTargetMilliseconds"] = "200",
            ["RateLimits:PublicWritesMinInFlight"] = "2",
            ["PublicWrites:GroupCommit"] = "false",
        }).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new GroupCommit(services.GetRequiredService<IServiceScopeFactory>(), new DatabaseOptions(), NullLogger<GroupCommit>.Instance, configuration, clock);
        using var admission = new PublicWriteAdmission(configuration, new DuLuanMetrics(services.GetRequiredService<IMeterFactory>()), writer, clock);
        Assert.Equal(8, admission.Available);

        // Writes that each take 2 s in flight: after two windows the limit is at its floor of 2.
        for (var w = 0; w < 6; w++)
        {
            var turns = new List<System.Threading.RateLimiting.RateLimitLease>();
            for (var i = 0; i < admission.Available; i++)
            {
                turns.Add((await admission.TryEnterAsync(new DefaultHttpContext()))!);
            }

            clock.Advance(TimeSpan.FromSeconds(2));
            turns.ForEach(t => t.Dispose());
        }

        Assert.Equal(2, admission.Limit.Current);
        using var first = await admission.TryEnterAsync(new DefaultHttpContext());
        using var second = await admission.TryEnterAsync(new DefaultHttpContext());
        Assert.NotNull(first);
        Assert.NotNull(second);

        // Full: at 2 s per write a place in the queue would wait about a second, over the 250 ms bound, so the answer
        // is 429 without waiting (the task is complete when it returns; the fake clock never moved).
        var context = new DefaultHttpContext();
        var refused = admission.TryEnterAsync(context);
        Assert.True(refused.IsCompleted);
        Assert.Null(await refused);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
    }

    private static void Feed(AdaptiveLimit limit, FakeTimeProvider clock, TimeSpan latency, bool saturated)
    {
        if (saturated)
        {
            limit.Saturated();
        }

        clock.Advance(Window);
        limit.Record(latency);
    }
}
