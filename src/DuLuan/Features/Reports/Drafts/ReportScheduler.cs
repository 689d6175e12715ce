using DuLuan.Features.Publish;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Reports.Figures;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>At each tick: plans the runs of periods that have ended, then generates claimed runs. Several instances may run it.</summary>
public sealed partial class ReportScheduler(IServiceScopeFactory scopes, IOptions<ReportOptions> options, ReportZone zone, ILogger<ReportScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.JobSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.JobSeconds));
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

    /// <summary>One pass as <paramref name="instance"/>; returns the runs this instance generated (done or failed).</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = scopes.CreateAsyncScope())
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
            await using var scope = scopes.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<ReportRuns>().RunAsync(id, instance, ct);
            LogRun(id, status);
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report run {RunId}: {Status}")]
    private partial void LogRun(long runId, ReportRunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report scheduler pass failed")]
    private partial void LogFailed(Exception exception);
}
