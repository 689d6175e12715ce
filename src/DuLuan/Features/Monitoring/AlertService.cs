using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Monitoring;

/// <summary>Runs the alert sweep and mails the digest every Monitoring:AlertMinutes (0 turns it off).</summary>
public sealed partial class AlertService(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, ILogger<AlertService> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.AlertMinutes);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AlertSweep>().RunAsync(stoppingToken);
        var mailed = await scope.ServiceProvider.GetRequiredService<AlertDigest>().SendAsync(stoppingToken);
        if (result.TopicAlerts + result.StoryAlerts + mailed > 0)
        {
            LogSwept(Logger, result.TopicAlerts, result.StoryAlerts, mailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep: {Topics} topic and {Stories} story alerts, {Mailed} digest mails")]
    private static partial void LogSwept(ILogger logger, int topics, int stories, int mailed);
}
