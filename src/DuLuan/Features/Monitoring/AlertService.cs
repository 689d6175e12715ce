using Microsoft.Extensions.Options;

namespace DuLuan.Features.Monitoring;

/// <summary>Runs the alert sweep and mails the digest every Monitoring:AlertMinutes (0 turns it off).</summary>
public sealed partial class AlertService(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, ILogger<AlertService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AlertMinutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.AlertMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AlertSweep>().RunAsync(stoppingToken);
                var mailed = await scope.ServiceProvider.GetRequiredService<AlertDigest>().SendAsync(stoppingToken);
                if (result.TopicAlerts + result.StoryAlerts + mailed > 0) LogSwept(result.TopicAlerts, result.StoryAlerts, mailed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep: {Topics} topic and {Stories} story alerts, {Mailed} digest mails")]
    private partial void LogSwept(int topics, int stories, int mailed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert sweep failed")]
    private partial void LogFailed(Exception exception);
}
