using Microsoft.Extensions.Options;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Polls due feeds: claims a batch under lease, fetches each host's feeds one at a time with a pause between them
/// (politeness), several hosts at once, and releases each lease when its feed is done.
/// </summary>
public sealed partial class FeedScheduler(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, IHostApplicationLifetime lifetime, ILogger<FeedScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SchedulerSeconds <= 0) return;

        // Hosted services start before the server listens; a feed served by this same host (the demo's
        // loopback feeds) would otherwise fail its first poll and back off.
        await WhenStartedAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.SchedulerSeconds));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One scheduler pass; returns the number of feeds polled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        List<Feed> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<FeedLeases>().ClaimDueAsync(settings.BatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
        }
        if (claimed.Count == 0) return 0;
        using var hosts = new SemaphoreSlim(Math.Max(1, settings.HostConcurrency));
        var work = claimed.GroupBy(f => Uri.TryCreate(f.Url, UriKind.Absolute, out var u) ? u.IdnHost : f.Url, StringComparer.OrdinalIgnoreCase)
            .Select(async group =>
            {
                await hosts.WaitAsync(ct);
                try
                {
                    var first = true;
                    foreach (var feed in group)
                    {
                        if (!first) await Task.Delay(settings.PerHostDelayMilliseconds, ct);
                        first = false;
                        await PollOneAsync(feed, ct);
                    }
                }
                finally
                {
                    hosts.Release();
                }
            });
        await Task.WhenAll(work);
        return claimed.Count;
    }

    private async Task PollOneAsync(Feed feed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<FeedPoll>().RunAsync(feed, ct);
            if (result.Ok) LogPolled(feed.Id, result.Stored);
            else LogFeedError(feed.Id, result.Error);
        }
        finally
        {
            await scope.ServiceProvider.GetRequiredService<FeedLeases>().ReleaseAsync(feed.Id, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId} polled: {Stored} new articles")]
    private partial void LogPolled(long feedId, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} failed: {Error}")]
    private partial void LogFeedError(long feedId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed scheduler pass failed")]
    private partial void LogFailed(Exception exception);

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }
}
