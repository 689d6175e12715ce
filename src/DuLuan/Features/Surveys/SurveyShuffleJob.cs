using DuLuan.Data;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Surveys;

/// <summary>Runs <see cref="SurveyShuffle"/> every Surveys:ShuffleSeconds (PostgreSQL only).</summary>
public sealed class SurveyShuffleJob(IServiceScopeFactory scopes, IOptions<SurveyShuffleOptions> options, ILogger<SurveyShuffleJob> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ShuffleSeconds));

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.IsSqlite())
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<SurveyShuffle>().RunAsync(stoppingToken);
    }
}
