using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Figures;
using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>At each tick: plans the runs of periods that have ended, then generates claimed runs. Several instances may run it.</summary>
public sealed partial class ReportScheduler(IServiceScopeFactory scopes, IOptions<ReportOptions> options, ReportZone zone, ILogger<ReportScheduler> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobSeconds);

    protected override Task RunPassAsync(CancellationToken stoppingToken) => RunOnceAsync(JobInstance.Id, stoppingToken);

    /// <summary>One pass as <paramref name="instance"/>; returns the runs this instance generated (done or failed).</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var runs = scope.ServiceProvider.GetRequiredService<ReportRuns>();
            foreach (var period in ReportRuns.EndedPeriods(zone.Today))
            {
                await runs.PlanAsync(period, ct);
            }

            claimed = await runs.ClaimAsync(20, instance, ct);
        }

        foreach (var id in claimed)
        {
            await using var scope = Scopes.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<ReportRuns>().RunAsync(id, instance, ct);
            LogRun(Logger, id, status);
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report run {RunId}: {Status}")]
    private static partial void LogRun(ILogger logger, long runId, ReportRunStatus status);
}
