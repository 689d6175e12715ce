using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DuLuan.Bench.Foundation;
using DuLuan.Bench.Trust;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Surveys;

/// <summary>
/// `DuLuan.Bench surveys [--clients 100] [--seconds 10] [--provider sqlite|postgres] [--hold-slots]`: responses accepted per second by
/// the public submit endpoint over HTTP, each in its own transaction, with group commit response by response and with one
/// multi-row INSERT per table per batch, against an endpoint that only reads the body (the HTTP ceiling) and the same number of
/// concurrent writers doing plain parameterised inserts of one row into SQLite (same pragmas) in the same run.
/// PostgreSQL needs DULUAN_TEST_POSTGRES (a fresh database is created for each run).
/// </summary>
public static class ResponseBenchmark
{
    public static int Run(string[] args)
    {
        var clients = int.TryParse(FoundationBenchmarks.Option(args, "--clients"), out var c) && c > 0 ? c : 100;
        var seconds = int.TryParse(FoundationBenchmarks.Option(args, "--seconds"), out var s) && s > 0 ? s : 10;
        var provider = FoundationBenchmarks.Option(args, "--provider") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var dir = Path.Combine(Path.GetTempPath(), "duluan-bench-surveys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // --hold-slots: both CPU slots of the shared machine are held for the measurement, so no build or test runs beside it.
        using var slots = args.Contains("--hold-slots") ? CpuSlots.HoldBothAsync().GetAwaiter().GetResult() : null;
        try
        {
            var duration = TimeSpan.FromSeconds(seconds);
            var baseline = Inserts(Path.Combine(dir, "baseline.db"), clients, duration).GetAwaiter().GetResult();
            // Before and after in the same run, each on a fresh database: the writer off (every response its own
            // transaction, as before group commit); on, with each response still checked, saved and totalled on its own
            // inside the batch's transaction (the first group commit); on, with one set of checks, one save and one
            // upsert of summed totals per batch.
            // The HTTP ceiling of this process on this machine: the same requests to an endpoint that reads the JSON body
            // and answers 200 without touching the database (same middleware: rate limits, routing, logging).
            var noop = Http(CrashDrill.CreateDatabaseAsync(provider, dir, "noop").GetAwaiter().GetResult(), clients, duration, groupCommit: true, byKind: true, noop: true).GetAwaiter().GetResult();
            var alone = Http(CrashDrill.CreateDatabaseAsync(provider, dir, "alone").GetAwaiter().GetResult(), clients, duration, groupCommit: false, byKind: false).GetAwaiter().GetResult();
            var itemwise = Http(CrashDrill.CreateDatabaseAsync(provider, dir, "itemwise").GetAwaiter().GetResult(), clients, duration, groupCommit: true, byKind: false).GetAwaiter().GetResult();
            var grouped = Http(CrashDrill.CreateDatabaseAsync(provider, dir, "grouped").GetAwaiter().GetResult(), clients, duration, groupCommit: true, byKind: true).GetAwaiter().GetResult();
            Console.WriteLine($"Survey responses accepted, {clients} concurrent clients, {seconds} s each, {provider}, {Environment.ProcessorCount} cores; load average {LoadDrill.LoadAverage()}");
            Stats.PrintTable(["what", "per second", "p50 ms", "p99 ms", "ratio to baseline", "not accepted"],
            [
                ["plain parameterised INSERT into SQLite (baseline)", Stats.F(baseline.Rate, "0"), Stats.F(baseline.P50), Stats.F(baseline.P99), "1.00", "0"],
                ["POST of the same body to an endpoint that only reads it (HTTP ceiling)", Stats.F(noop.Rate, "0"), Stats.F(noop.P50), Stats.F(noop.P99), Stats.F(noop.Rate / baseline.Rate), noop.Refused],
                ["POST /api/public/surveys/{id}/responses, one transaction each", Stats.F(alone.Rate, "0"), Stats.F(alone.P50), Stats.F(alone.P99), Stats.F(alone.Rate / baseline.Rate), alone.Refused],
                ["same, group commit, each response written on its own in the batch", Stats.F(itemwise.Rate, "0"), Stats.F(itemwise.P50), Stats.F(itemwise.P99), Stats.F(itemwise.Rate / baseline.Rate), itemwise.Refused],
                ["same, group commit, one multi-row INSERT per table and one totals upsert per batch", Stats.F(grouped.Rate, "0"), Stats.F(grouped.P50), Stats.F(grouped.P99), Stats.F(grouped.Rate / baseline.Rate), grouped.Refused],
            ]);
            Console.WriteLine($"group commit, each on its own: {itemwise.Batches} commits for {itemwise.Writes} writes (mean {(double)itemwise.Writes / Math.Max(1, itemwise.Batches):F1}, largest {itemwise.Largest}), writer busy {itemwise.Busy:P0} of the time");
            Console.WriteLine($"group commit, per batch: {grouped.Batches} commits for {grouped.Writes} writes (mean {(double)grouped.Writes / Math.Max(1, grouped.Batches):F1}, largest {grouped.Largest}), writer busy {grouped.Busy:P0} of the time; rate {grouped.Rate / alone.Rate:F2}x one transaction each, {grouped.Rate / itemwise.Rate:F2}x each on its own in the batch; p99 {grouped.P99 / alone.P99:F2}x / {grouped.P99 / itemwise.P99:F2}x; {grouped.Rate / noop.Rate:F2} of the HTTP ceiling");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Rate of accepted responses; latencies of every answer; <paramref name="Refused"/> counts other answers by status.</summary>
    private sealed record Result(double Rate, double P50, double P99, string Refused = "0", long Batches = 0, long Writes = 0, int Largest = 0, double Busy = 0);

    private static async Task<Result> Inserts(string path, int clients, TimeSpan duration)
    {
        await using (var setup = new SqliteConnection($"Data Source={path}"))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE answers (id INTEGER PRIMARY KEY, survey INTEGER NOT NULL, question TEXT NOT NULL, choice TEXT);";
            await create.ExecuteNonQueryAsync();
        }

        return await Drive(clients, duration, async () =>
        {
            var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
                await pragma.ExecuteNonQueryAsync();
            }

            return async () =>
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO answers (survey, question, choice) VALUES ($s, $q, $c)";
                insert.Parameters.AddWithValue("$s", 1);
                insert.Parameters.AddWithValue("$q", "q_use");
                insert.Parameters.AddWithValue("$c", "yes");
                await insert.ExecuteNonQueryAsync();
                return true;
            };
        });
    }

    private static async Task<Result> Http(DatabaseOptions database, int clients, TimeSpan duration, bool groupCommit, bool byKind, bool noop = false)
    {
        var app = WebHost.Build(new WebHostSettings(database, ["http://127.0.0.1:0"])
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Surveys:SubmissionsPerMinute"] = "100000000",
                ["RateLimits:RequestsPerMinute"] = "100000000",
                ["PublicWrites:GroupCommit"] = groupCommit ? "true" : "false",
                ["PublicWrites:GroupCommitByKind"] = byKind ? "true" : "false",
                ["Logging:LogLevel:Default"] = "Warning",
            },
        });
        long surveyId;
        long commune;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            var tree = scope.ServiceProvider.GetRequiredService<UnitTree>();
            var root = await tree.EnsureRootAsync();
            var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
            commune = (await tree.AddChildAsync(province, "Phường Hải Vân", UnitKind.Commune, "20194")).Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var json = SurveyDefinition.Parse(Definition, out _)!.ToJson();
            var survey = new Survey { UnitId = province.Id, Title = "Bench", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1 };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json });
            await db.SaveChangesAsync();
            surveyId = survey.Id;
        }

        const string NoopPath = "/bench/noop";
        if (noop)
        {
            app.MapPost(NoopPath, async (HttpContext context) =>
            {
                var batch = await System.Text.Json.JsonSerializer.DeserializeAsync<SubmittedBatch>(context.Request.Body, SurveyDefinition.Lenient);
                return batch?.Responses?.Count > 0 ? Results.Ok(new SubmitAnswer(batch.Responses.Count, false)) : Results.BadRequest();
            }).AllowAnonymous();
        }

        await app.StartAsync();
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()) };
            var refused = new ConcurrentDictionary<int, int>();
            var writer = app.Services.GetRequiredService<GroupCommit>();
            var before = writer.Statistics;
            var clock = Stopwatch.StartNew();
            var result = await Drive(clients, duration, () => Task.FromResult<Func<Task<bool>>>(async () =>
            {
                var body = new
                {
                    idempotencyKey = Guid.NewGuid().ToString("N"),
                    responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["commune"] = commune, ["use"] = "yes", ["why"] = new[] { "land", "birth" }, ["score"] = 4 } } },
                };
                using var response = await http.PostAsJsonAsync(noop ? NoopPath : $"/api/public/surveys/{surveyId}/responses", body);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }

                // 429 from the admission limit is an answer the client handles (it retries); anything else is a defect.
                refused.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                return response.StatusCode == HttpStatusCode.TooManyRequests
                    ? false
                    : throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }));
            var after = writer.Statistics;
            var statuses = refused.IsEmpty ? "0" : string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Value} × {r.Key}"));
            return result with { Refused = statuses, Batches = after.Batches - before.Batches, Writes = after.Writes - before.Writes, Largest = after.Largest, Busy = (after.Busy - before.Busy).TotalSeconds / clock.Elapsed.TotalSeconds };
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="clients"/> loops for a short warm-up, then for <paramref name="duration"/>, timing each call;
    /// the rate counts the calls that return true (accepted).
    /// </summary>
    private static async Task<Result> Drive(int clients, TimeSpan duration, Func<Task<Func<Task<bool>>>> makeClient)
    {
        var calls = new List<Func<Task<bool>>>();
        for (var i = 0; i < clients; i++)
        {
            calls.Add(await makeClient());
        }

        await Task.WhenAll(calls.Take(Math.Min(clients, 10)).Select(call => call()));
        var latencies = new List<double>[clients];
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(calls.Select(async (call, i) =>
        {
            latencies[i] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (await call())
                {
                    Interlocked.Increment(ref accepted);
                }

                latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(accepted / clock.Elapsed.TotalSeconds, Stats.Median(all), Stats.Percentile(all, 0.99));
    }

    private const string Definition = """
    {
      "languages": ["vi", "en"],
      "title": { "vi": "Khảo sát", "en": "Survey" },
      "sections": [ { "key": "s1", "title": { "vi": "Phần 1", "en": "Part 1" }, "questions": [
        { "key": "commune", "type": "unit", "label": { "vi": "Xã", "en": "Commune" }, "required": true },
        { "key": "use", "type": "single", "label": { "vi": "Đã dùng?", "en": "Used?" }, "required": true,
          "options": [ { "key": "yes", "label": { "vi": "Có", "en": "Yes" } }, { "key": "no", "label": { "vi": "Không", "en": "No" } } ] },
        { "key": "why", "type": "multiple", "label": { "vi": "Vì sao", "en": "Why" },
          "options": [ { "key": "birth", "label": { "vi": "Khai sinh", "en": "Birth" } }, { "key": "land", "label": { "vi": "Đất", "en": "Land" } } ],
          "relevant": [ { "question": "use", "op": "equals", "value": "yes" } ] },
        { "key": "score", "type": "rating", "label": { "vi": "Điểm", "en": "Score" }, "min": 1, "max": 5 }
      ] } ]
    }
    """;
}
