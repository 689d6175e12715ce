using System.Diagnostics;
using DuLuan.Bench.Foundation;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Surveys;

public static partial class ResultsBenchmark
{
    /// <summary>Median of five runs of <paramref name="build"/> (ms), the change tracker cleared before each.</summary>
    private static async Task<double> MedianAsync(AppDbContext db, Func<Task<ResultsReport>> build)
    {
        var runs = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            db.ChangeTracker.Clear();
            var started = Stopwatch.GetTimestamp();
            await build();
            runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Stats.Median(runs);
    }

    private sealed record Raked(double RowsMs, double KeptMs, double PostMs, double RebuildSeconds, bool Same, string Info);

    /// <summary>Runs the rebuild job's passes until the survey has no rebuild left; returns the chunks run.</summary>
    private static async Task<int> RebuildAsync(AppDbContext db, long surveyId)
    {
        var chunks = 0;
        while (await db.SurveyRebuilds.AnyAsync(r => r.SurveyId == surveyId))
        {
            chunks += await SurveyRebuilds.RunAsync(db, TimeProvider.System, "bench", TimeSpan.FromMinutes(30), CancellationToken.None);
        }

        db.ChangeTracker.Clear();
        return chunks;
    }

    /// <summary>
    /// Sets sex (q05) and age-band (q06) margins, rebuilding the cell totals as the weighting page
    /// does (timed), then the raked results over every row (baseline) and from the kept cell totals.
    /// </summary>
    private static async Task<Raked> RakedAsync(AppDbContext db, Survey survey, SurveyDefinition definition, bool skipScans, bool setUp)
    {
        db.ChangeTracker.Clear();
        var started = Stopwatch.GetTimestamp();
        if (setUp)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            // What /Surveys/Weights does when the questions change (the POST), then the rebuild job to the end.
            await SurveyWeightTallies.ClearAsync(db, survey.Id, CancellationToken.None);
            await ReplaceWeightingAsync(db, survey, definition);
            await SurveyRebuilds.StartAsync(db, survey.Id, SurveyRebuilds.Weights, DateTime.UtcNow, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var postMs = setUp ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : double.NaN;
        await RebuildAsync(db, survey.Id);
        var rebuild = setUp ? Stopwatch.GetElapsedTime(started).TotalSeconds : double.NaN;
        var results = new SurveyResults(db);
        var kept = await results.BuildAsync(survey, definition, "vi", CancellationToken.None);
        var keptMs = await MedianAsync(db, () => results.BuildAsync(survey, definition, "vi", CancellationToken.None));
        var c = kept.Calibration;
        var info = $"raked: method {c?.Method}, {c?.Iterations} rounds, converged {c?.Converged}, largest gap {c?.MaxMarginError:0.###} people, {c?.Trimmed} trimmed {c?.Problem}";
        if (skipScans)
        {
            return new Raked(double.NaN, keptMs, postMs, rebuild, true, info);
        }

        db.ChangeTracker.Clear();
        GC.Collect();
        started = Stopwatch.GetTimestamp();
        var rows = await new SurveyResults(db) { RowByRow = true }.BuildAsync(survey, definition, "vi", CancellationToken.None);
        var rowsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Raked(rowsMs, keptMs, postMs, rebuild, c?.Method == "raking" && Same(rows, kept), info);
    }
}
