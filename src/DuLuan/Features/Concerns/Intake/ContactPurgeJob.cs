using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>Erases residents' contacts that are past their retention every Concerns:ContactPurgeMinutes (0 turns it off).</summary>
public sealed partial class ContactPurgeJob(IServiceScopeFactory scopes, IOptions<ConcernOptions> options, ILogger<ContactPurgeJob> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.ContactPurgeMinutes);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<ContactPurge>().PurgeAsync(stoppingToken);
        if (purged > 0)
        {
            LogPurged(Logger, purged);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact purge erased the contacts of {Count} concerns")]
    private static partial void LogPurged(ILogger logger, int count);
}
