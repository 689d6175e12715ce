namespace DuLuan.Infrastructure.Jobs;

/// <summary>
/// When background work may begin after a start: once the server listens (ApplicationStarted) and then
/// <c>Jobs:StartDelaySeconds</c> more (0: at once). A restart is when a public page's first request is slowest (JIT,
/// Razor, EF query compilation, first connections on two cores); the jobs' first passes (JIT and queries of their own,
/// the agency figures' full pass) would otherwise run at that same moment.
/// </summary>
public static class JobStart
{
    public const string DelaySetting = "Jobs:StartDelaySeconds";

    public const int DefaultDelaySeconds = 5;

    /// <summary>Waits for the server to listen and then the configured delay, on the registered clock.</summary>
    public static async Task AfterStartAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        IHostApplicationLifetime? lifetime;
        TimeProvider clock;
        TimeSpan delay;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            lifetime = services.GetService<IHostApplicationLifetime>();
            clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
            delay = Delay(services.GetService<IConfiguration>());
        }

        await WaitAsync(delay, clock, lifetime?.ApplicationStarted ?? CancellationToken.None, ct);
    }

    /// <summary>The configured delay (negative or unreadable: none).</summary>
    public static TimeSpan Delay(IConfiguration? configuration)
        => TimeSpan.FromSeconds(Math.Max(0, configuration?.GetValue(DelaySetting, DefaultDelaySeconds) ?? DefaultDelaySeconds));

    /// <summary>
    /// Completes <paramref name="delay"/> after <paramref name="started"/> is signalled (counted from that moment, on
    /// <paramref name="clock"/>; <paramref name="started"/> that can never be signalled, a host without a server: from
    /// now); throws when <paramref name="ct"/> is cancelled first.
    /// </summary>
    public static async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken started, CancellationToken ct)
    {
        if (!started.CanBeCanceled)
        {
            await Task.Delay(delay, clock, ct);
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStopping = ct.Register(() => done.TrySetCanceled(ct));
        // The delay's timer is set in the signal's own callback (at once if the server already listens).
        await using var onStarted = started.Register(() => Task.Delay(delay, clock, ct).ContinueWith(
            t => _ = t.IsCompletedSuccessfully ? done.TrySetResult() : done.TrySetCanceled(ct), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        await done.Task;
    }
}
