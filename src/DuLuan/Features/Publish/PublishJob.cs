using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish;

/// <summary>Publishes due posts: claims a batch under lease, publishes each, releases the lease. Several instances may run it.</summary>
public sealed partial class PublishJob(IServiceScopeFactory scopes, IOptions<Channels.PublishOptions> options, ILogger<PublishJob> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobSeconds);

    protected override bool RunAtStart => true;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => RunOnceAsync(JobInstance.Id, stoppingToken);

    /// <summary>One pass as <paramref name="instance"/>; returns the number of posts this instance published or retried.</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<PostLeases>().ClaimDueAsync(20, TimeSpan.FromSeconds(options.Value.LeaseSeconds), instance, ct);
        }

        foreach (var id in claimed)
        {
            await using var scope = Scopes.CreateAsyncScope();
            try
            {
                var status = await scope.ServiceProvider.GetRequiredService<PostPublisher>().RunAsync(id, instance, ct);
                LogPublished(Logger, id, status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPostFailed(Logger, id, e);
            }
            finally
            {
                await scope.ServiceProvider.GetRequiredService<PostLeases>().ReleaseAsync(id, instance, CancellationToken.None);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Post {PostId} publishing pass: {Status}")]
    private static partial void LogPublished(ILogger logger, long postId, PostStatus? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Post {PostId} publishing pass failed")]
    private static partial void LogPostFailed(ILogger logger, long postId, Exception exception);
}
