using Microsoft.Extensions.Options;

namespace DuLuan.Features.Cases;

/// <summary>Runs the escalation sweep and the contact purge every few minutes (Cases:WorkingHours:SweepMinutes; 0 turns it off).</summary>
public sealed partial class EscalationService(IServiceScopeFactory scopes, IOptions<WorkingHoursOptions> options, ILogger<EscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Concerns.ContactPurge>().PurgeAsync(stoppingToken);
                if (result.Flagged > 0)
                {
                    LogFlagged(result.Flagged, result.Notifications);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation sweep flagged {Flagged} overdue cases and sent {Notifications} digests")]
    private partial void LogFlagged(int flagged, int notifications);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation sweep failed")]
    private partial void LogFailed(Exception exception);
}
