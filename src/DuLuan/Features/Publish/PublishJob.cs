using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish;

/// <summary>Publishes due posts: claims a batch under lease, publishes each, releases the lease. Several instances may run it.</summary>
public sealed partial class PublishJob(IServiceScopeFactory scopes, IOptions<Channels.PublishOptions> options, ILogger<PublishJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.JobSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.JobSeconds));
        do
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
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass as <paramref name="instance"/>; returns the number of posts this instance published or retried.</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<PostLeases>().ClaimDueAsync(20, TimeSpan.FromSeconds(options.Value.LeaseSeconds), instance, ct);
        }

        foreach (var id in claimed)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var status = await scope.ServiceProvider.GetRequiredService<PostPublisher>().RunAsync(id, instance, ct);
                LogPublished(id, status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPostFailed(id, e);
            }
            finally
            {
                await scope.ServiceProvider.GetRequiredService<PostLeases>().ReleaseAsync(id, instance, CancellationToken.None);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Post {PostId} publishing pass: {Status}")]
    private partial void LogPublished(long postId, PostStatus? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Post {PostId} publishing pass failed")]
    private partial void LogPostFailed(long postId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing job pass failed")]
    private partial void LogFailed(Exception exception);
}
