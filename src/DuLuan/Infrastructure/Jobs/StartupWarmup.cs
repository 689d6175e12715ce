namespace DuLuan.Infrastructure.Jobs;

/// <summary>
/// Something a fresh process does once at start, before the server listens, so a resident's first request does not
/// pay for it: e.g. compiling a public page's queries (EF caches a compiled query for every later context). Implemented
/// by a feature for its own pages; reads only, in its own scope.
/// </summary>
public interface IStartupWarmup
{
    Task WarmAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// Runs every <see cref="IStartupWarmup"/> once as the host starts (hosted services start before the server listens),
/// one after the other, each guarded: a failure is logged and changes nothing else. The start waits for them at most
/// <c>Jobs:WarmUpWaitMilliseconds</c> (default 1,000); on a starved machine the rest goes on in the background after the
/// server listens, so a restart is never held longer than that. So when /health first answers, the warmed pages are
/// warm (or the wait ran out), and nothing reports ready before the server can serve. <c>Jobs:WarmUp=false</c> turns it off.
/// </summary>
public sealed partial class StartupWarmupService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<StartupWarmupService> logger)
    : IHostedService, IDisposable
{
    public const string Setting = "Jobs:WarmUp";

    public const string WaitSetting = "Jobs:WarmUpWaitMilliseconds";

    private readonly CancellationTokenSource stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(Setting, true))
        {
            return;
        }

        var wait = TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue(WaitSetting, 1_000)));
        var all = Task.Run(() => RunAllAsync(stopping.Token), CancellationToken.None);
        try
        {
            await all.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still warming: the server starts anyway.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await stopping.CancelAsync();

    public void Dispose() => stopping.Dispose();

    private async Task RunAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var warmup in scope.ServiceProvider.GetServices<IStartupWarmup>())
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await using var own = scopes.CreateAsyncScope();
                await warmup.WarmAsync(own.ServiceProvider, ct);
                Warmed(logger, warmup.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Failed(logger, warmup.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up {Warmup} took {Milliseconds:0} ms")]
    private static partial void Warmed(ILogger logger, string warmup, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up {Warmup} failed; the first request pays for it instead")]
    private static partial void Failed(ILogger logger, string warmup, Exception exception);
}
