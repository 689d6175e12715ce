using DuLuan.Data;
using DuLuan.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Runs <see cref="SurveyRebuilds.RunAsync"/> every Surveys:RebuildSeconds (0: off): kept totals the office asked to
/// rebuild are counted chunk by chunk; a rebuild left by a stopped or crashed instance resumes at its cursor once its
/// lease runs out.
/// </summary>
public sealed class SurveyRebuildJob(IServiceScopeFactory scopes, IOptions<SurveyShuffleOptions> options, TimeProvider clock, ILogger<SurveyRebuildJob> logger)
    : RecurringJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RebuildSeconds);

    protected override bool RunAtStart => true;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Within the lease: the claim is renewed by every chunk, released if the pass ends first.
        await SurveyRebuilds.RunAsync(db, clock, JobInstance.Id, SurveyRebuilds.LeaseTime / 2, stoppingToken);
    }
}
