using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Runs <see cref="AgencyFiguresPass"/> soon after start and then every <c>Cases:AgencyFigures:Minutes</c> (default 10):
/// the public page of answered cases reads what it stored. Several instances share the pass through its lease.
/// </summary>
public sealed class AgencyFiguresJob(IServiceScopeFactory scopes, IOptions<AgencyFiguresOptions> options, IHostApplicationLifetime lifetime, ILogger<AgencyFiguresJob> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override bool RunAtStart => true;

    // After the server listens: the pass reads a year of cases, and a start (migrations, warm-up) should not wait for it.
    protected override async Task BeforeFirstPassAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AgencyFiguresPass>().RunOnceAsync(stoppingToken);
    }
}
