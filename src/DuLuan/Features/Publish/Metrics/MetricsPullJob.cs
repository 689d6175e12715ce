using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>Pulls post metrics from the platforms: claims due channels under lease, pulls each. Several instances may run it.</summary>
public sealed partial class MetricsPullJob(IServiceScopeFactory scopes, IOptions<PublishOptions> options, ILogger<MetricsPullJob> logger)
    : RecurringJob(scopes, logger)
{
    // Checked as often as the publishing job (at most once a minute); each channel is pulled once per MetricsPullMinutes.
    protected override TimeSpan Interval =>
        options.Value.MetricsPullMinutes <= 0 || options.Value.JobSeconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(60, options.Value.JobSeconds));

    protected override Task RunPassAsync(CancellationToken stoppingToken) => RunOnceAsync(JobInstance.Id, stoppingToken);

    /// <summary>One pass as <paramref name="instance"/>; returns the number of channels this instance pulled.</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<MetricsPuller>().ClaimDueAsync(instance, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct);
        }

        foreach (var id in claimed)
        {
            await using var scope = Scopes.CreateAsyncScope();
            try
            {
                var posts = await scope.ServiceProvider.GetRequiredService<MetricsPuller>().PullAsync(id, instance, ct);
                LogPulled(Logger, id, posts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogChannelFailed(Logger, id, e);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId}: metrics of {Posts} posts pulled")]
    private static partial void LogPulled(ILogger logger, long channelId, int posts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel {ChannelId}: metrics pull failed")]
    private static partial void LogChannelFailed(ILogger logger, long channelId, Exception exception);
}
