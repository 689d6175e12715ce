namespace DuLuan.Infrastructure.Jobs;

/// <summary>
/// The one shape of a background job: a pass every <see cref="Interval"/> (zero or less turns the job off), each pass
/// guarded so a failure is logged and the next tick runs anyway. Jobs resolve what they need from fresh scopes.
/// No job starts its passes before the server listens and <see cref="JobStart.DelaySetting"/> more seconds have passed
/// (default <see cref="JobStart.DefaultDelaySeconds"/>): the first requests after a start (JIT, query compilation, first
/// connections) get the CPU instead of sharing it with every job's first pass.
/// </summary>
public abstract partial class RecurringJob(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected ILogger Logger { get; } = logger;

    /// <summary>The time between passes, read once at start; zero or less means the job is off.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>True to run a pass as soon as the job starts instead of after the first interval.</summary>
    protected virtual bool RunAtStart => false;

    /// <summary>Waited for before the first pass (e.g. until the server listens).</summary>
    protected virtual Task BeforeFirstPassAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>One pass of the job.</summary>
    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        await BeforeFirstPassAsync(stoppingToken);
        await JobStart.AfterStartAsync(Scopes, stoppingToken);
        using var timer = new PeriodicTimer(interval);
        if (RunAtStart)
        {
            await RunGuardedAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunGuardedAsync(stoppingToken);
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunPassAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPassFailed(Logger, GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job}: pass failed")]
    private static partial void LogPassFailed(ILogger logger, string job, Exception exception);
}
