using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Runs the escalation sweep every Cases:WorkingHours:SweepMinutes (0 turns it off).</summary>
public sealed partial class EscalationService(IServiceScopeFactory scopes, IOptions<WorkingHoursOptions> options, ILogger<EscalationService> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepMinutes);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunAsync(stoppingToken);
        if (result.Flagged > 0)
        {
            LogFlagged(Logger, result.Flagged, result.Notifications);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation sweep flagged {Flagged} overdue cases and sent {Notifications} digests")]
    private static partial void LogFlagged(ILogger logger, int flagged, int notifications);
}
