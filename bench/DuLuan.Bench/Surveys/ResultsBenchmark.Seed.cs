using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DuLuan.Bench.Surveys;

/// <summary>
/// Where the bench's data lives: a temporary SQLite folder or PostgreSQL database (deleted after), or one kept with
/// <c>--keep</c> (a folder for SQLite, e.g. /dev/shm/results4/sqlite; a database name for PostgreSQL) and reused by the
/// next run with the same size, so a large set is seeded once (under /work/wt/cpu, with <c>--seed-only</c>) and
/// measured later (under /work/wt/quiet). PostgreSQL: DULUAN_BENCH_POSTGRES names the server (default the shared one).
/// </summary>
public static partial class ResultsBenchmark
{
    private static string PostgresServer => Environment.GetEnvironmentVariable("DULUAN_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55999;Username=postgres;Database=postgres";

    private static async Task<string> PostgresDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, CommandTimeout = 0 }.ConnectionString;
    }

    private static async Task DropPostgresAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The kept bench survey with exactly <paramref name="responses"/> counted, or null (nothing kept yet).</summary>
    private static async Task<(Survey Survey, List<long> Communes)?> KeptAsync(AppDbContext db, int responses)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Title == "Bench");
        if (survey is null)
        {
            return null;
        }

        var counted = await db.SurveyTallies.Where(t => t.SurveyId == survey.Id && t.QuestionKey == string.Empty).SumAsync(t => t.Count);
        if (counted != responses)
        {
            throw new InvalidOperationException($"the kept data holds {counted:N0} responses, not {responses:N0}: delete it or keep another");
        }

        // A rebuild a previous run left unfinished is taken away with what it rebuilds (set up again by the run).
        if (await db.SurveyRebuilds.AnyAsync(r => r.SurveyId == survey.Id))
        {
            await db.SurveyRebuilds.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
            await db.SurveyCrossMarks.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
            await db.SurveyCrossTallies.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
            await db.SurveyWeightings.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
            await db.SurveyMargins.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
            await db.SurveyWeightTallies.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
        }

        var communes = await db.SurveyUnits.AsNoTracking().Where(u => u.SurveyId == survey.Id).OrderBy(u => u.UnitId).Select(u => u.UnitId).ToListAsync();
        return (survey, communes);
    }

    /// <summary>PostgreSQL: responses and answers with binary COPY, 20,000 responses a chunk; totals through the intake's delta code.</summary>
    private static async Task<long> LoadPostgresAsync(AppDbContext db, string connection, long surveyId, SurveyDefinition definition, List<long> communes, int responses)
    {
        var random = new Random(20261202);
        var questions = definition.Questions.ToList();
        var rows = 0L;
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync();
        const int Chunk = 20_000;
        for (var start = 0; start < responses; start += Chunk)
        {
            var batch = new List<(SurveyResponse Response, List<AnswerValue> Values)>();
            for (var i = start; i < Math.Min(responses, start + Chunk); i++)
            {
                var c = (int)Math.Min(Communes - 1, Math.Floor(Math.Pow(random.NextDouble(), 1.4) * Communes));
                var id = "r" + i.ToString("D9", CultureInfo.InvariantCulture);
                batch.Add((new SurveyResponse { Id = id, SurveyId = surveyId, Version = 1, UnitId = communes[c] }, Answers(questions, communes[c], c, random)));
            }

            await using (var copy = await pg.BeginBinaryImportAsync("COPY survey_responses (\"Id\", \"SurveyId\", \"Version\", \"UnitId\", \"ReceivedOn\", \"Source\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (r, _) in batch)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(surveyId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.UnitId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(new DateOnly(2026, 12, 1), NpgsqlDbType.Date);
                    await copy.WriteAsync(ResponseSource.Online, NpgsqlDbType.Varchar);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await pg.BeginBinaryImportAsync("COPY survey_answers (\"Id\", \"ResponseId\", \"SurveyId\", \"QuestionKey\", \"Choice\", \"Number\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (r, values) in batch)
                {
                    foreach (var v in values)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(SurveyShuffle.RandomKey(), NpgsqlDbType.Bigint);
                        await copy.WriteAsync(r.Id, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(surveyId, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(v.Question, NpgsqlDbType.Varchar);
                        await (v.Choice is null ? copy.WriteNullAsync() : copy.WriteAsync(v.Choice, NpgsqlDbType.Varchar));
                        await (v.Number is null ? copy.WriteNullAsync() : copy.WriteAsync(v.Number.Value, NpgsqlDbType.Double));
                        rows++;
                    }
                }

                await copy.CompleteAsync();
            }

            await SurveyTallies.ApplyAsync(db, SurveyTallies.Deltas(definition, batch), CancellationToken.None);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE survey_responses; ANALYZE survey_answers; ANALYZE survey_tallies;", pg);
        await analyze.ExecuteNonQueryAsync();
        return rows;
    }

    /// <summary>True when the kept data already holds the marks (q02, q03) and the weighting questions with their totals.</summary>
    private static async Task<bool> KeptTotalsAsync(AppDbContext db, long surveyId)
        => await SurveyCrossTallies.MarksAsync(db, surveyId, CancellationToken.None) is ["q02", "q03"]
            && await db.SurveyWeightings.AnyAsync(w => w.SurveyId == surveyId)
            && !await db.SurveyRebuilds.AnyAsync(r => r.SurveyId == surveyId);

    /// <summary>
    /// For <c>--seed-only</c>: marks q02 and q03 and sets the weighting questions (sex q05, age band q06, cap 5) with
    /// their totals built at once from the stored rows (the tools' path, no job), so the measuring run only measures.
    /// </summary>
    private static async Task SeedTotalsAsync(AppDbContext db, Survey survey, SurveyDefinition definition)
    {
        if (await KeptTotalsAsync(db, survey.Id))
        {
            Console.WriteLine("marks and weighting totals already kept");
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await SurveyCrossTallies.MarkAsync(db, survey.Id, definition, ["q02", "q03"], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var marked = started.Elapsed.TotalSeconds;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await SurveyWeightTallies.ClearAsync(db, survey.Id, CancellationToken.None);
            await ReplaceWeightingAsync(db, survey, definition);
            await SurveyWeightTallies.RebuildAsync(db, survey.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Console.WriteLine($"kept totals built at once: marks q02, q03 in {marked:0} s, weighting cells in {started.Elapsed.TotalSeconds - marked:0} s");
    }

    /// <summary>Sets sex (q05) and age-band (q06) margins unlike the sample's shares, in place of any kept before.</summary>
    private static async Task ReplaceWeightingAsync(AppDbContext db, Survey survey, SurveyDefinition definition)
    {
        await db.SurveyWeightings.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
        await db.SurveyMargins.Where(r => r.SurveyId == survey.Id).ExecuteDeleteAsync();
        var people = await db.SurveyUnits.Where(u => u.SurveyId == survey.Id).SumAsync(u => u.Population!.Value);
        foreach (var (variable, question) in new[] { ("sex", "q05"), ("age", "q06") })
        {
            var options = definition.Questions.First(q => q.Key == question).Options!;
            // Population shares unlike the sample's (uniform), so the raking moves the weights.
            var shares = options.Select((_, i) => people / options.Count).ToList();
            shares[^1] = people - shares.Take(options.Count - 1).Sum();
            db.SurveyMargins.AddRange(options.Select((o, i) => new SurveyMargin { SurveyId = survey.Id, Variable = variable, Category = o.Key, Population = shares[i] }));
        }

        db.SurveyWeightings.Add(new SurveyWeighting { SurveyId = survey.Id, SexQuestion = "q05", AgeQuestion = "q06", TrimCap = 5 });
        await db.SaveChangesAsync();
    }

    private static void ClearSqlitePools() => SqliteConnection.ClearAllPools();
}
