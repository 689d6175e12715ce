using DuLuan.Features.Publish.Channels;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>Pulls post metrics from the platforms: claims due channels under lease, pulls each. Several instances may run it.</summary>
public sealed partial class MetricsPullJob(IServiceScopeFactory scopes, IOptions<PublishOptions> options, ILogger<MetricsPullJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.MetricsPullMinutes <= 0 || options.Value.JobSeconds <= 0)
        {
            return;
        }

        // Checked as often as the publishing job; each channel is pulled once per MetricsPullMinutes.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(60, options.Value.JobSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(PostLeases.InstanceId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    /// <summary>One pass as <paramref name="instance"/>; returns the number of channels this instance pulled.</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<MetricsPuller>().ClaimDueAsync(instance, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct);
        }

        foreach (var id in claimed)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var posts = await scope.ServiceProvider.GetRequiredService<MetricsPuller>().PullAsync(id, instance, ct);
                LogPulled(id, posts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogChannelFailed(id, e);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: metrics of {Posts} posts pulled")]
    private partial void LogPulled(long channelId, int posts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {ChannelId}: metrics pull failed")]
    private partial void LogChannelFailed(long channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Metrics pull pass failed")]
    private partial void LogFailed(Exception exception);
}
