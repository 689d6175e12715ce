using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Polls due feeds: claims a batch under lease, fetches each host's feeds one at a time with a pause between them
/// (politeness), several hosts at once, and releases each lease when its feed is done.
/// </summary>
public sealed partial class FeedScheduler(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, IHostApplicationLifetime lifetime, ILogger<FeedScheduler> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SchedulerSeconds);

    protected override bool RunAtStart => true;

    // Hosted services start before the server listens; a feed served by this same host (the demo's
    // loopback feeds) would otherwise fail its first poll and back off.
    protected override async Task BeforeFirstPassAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    protected override Task RunPassAsync(CancellationToken stoppingToken) => RunOnceAsync(stoppingToken);

    /// <summary>One scheduler pass; returns the number of feeds polled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        List<Feed> claimed;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<FeedLeases>().ClaimDueAsync(settings.BatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), ct);
        }
        if (claimed.Count == 0)
        {
            return 0;
        }

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
                        if (!first)
                        {
                            await Task.Delay(settings.PerHostDelayMilliseconds, ct);
                        }

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
        await using var scope = Scopes.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<FeedPoll>().RunAsync(feed, ct);
            if (result.Ok)
            {
                LogPolled(Logger, feed.Id, result.Stored);
            }
            else
            {
                LogFeedError(Logger, feed.Id, result.Error);
            }
        }
        finally
        {
            await scope.ServiceProvider.GetRequiredService<FeedLeases>().ReleaseAsync(feed.Id, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId} polled: {Stored} new articles")]
    private static partial void LogPolled(ILogger logger, long feedId, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} failed: {Error}")]
    private static partial void LogFeedError(ILogger logger, long feedId, string? error);
}
