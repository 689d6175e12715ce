using System.Diagnostics;
using System.Globalization;
using DuLuan.Bench.Foundation;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Surveys;

/// <summary>
/// `DuLuan.Bench surveys results [--responses 1000000]`: a 20-question survey over twelve communes
/// with post-stratification weights; the full results (every question, weights, margins, cross-tab by
/// unit) from the running totals the intake keeps, against the row-by-row computation that reads every
/// answer, in the same run on the embedded SQLite default; a filter and a cross-tab by a question scanned row
/// by row against the same views from the kept cross totals once the questions are marked; a filter by unit; and
/// raked results (sex and age-band margins) computed over every row against the totals kept per weighting cell.
/// <c>--skip-scans</c> leaves out the row-by-row baselines (minutes each at 1,000,000 responses).
/// </summary>
public static partial class ResultsBenchmark
{
    private const int Communes = 12;

    public static int Run(string[] args)
    {
        var responses = int.TryParse(FoundationBenchmarks.Option(args, "--responses"), out var n) && n > 0 ? n : 1_000_000;
        var postgres = FoundationBenchmarks.Option(args, "--provider") == "postgres";
        var keep = FoundationBenchmarks.Option(args, "--keep");
        var name = keep ?? (postgres ? "duluan_bench_results_" + Environment.ProcessId : Path.Combine(Path.GetTempPath(), "duluan-bench-survey-results-" + Guid.NewGuid().ToString("N")));
        try
        {
            return RunAsync(postgres, name, responses, args).GetAwaiter().GetResult();
        }
        finally
        {
            ClearSqlitePools();
            if (keep is null && postgres)
            {
                DropPostgresAsync(name).GetAwaiter().GetResult();
            }
            else if (keep is null)
            {
                try
                {
                    Directory.Delete(name, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task<int> RunAsync(bool postgres, string name, int responses, string[] args)
    {
        var connection = postgres ? await PostgresDatabaseAsync(name) : null;
        if (!postgres)
        {
            Directory.CreateDirectory(name);
        }

        var database = postgres ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = name };
        var app = WebHost.Build(new WebHostSettings(database, ["http://127.0.0.1:0"])
        {
            Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        });
        await using var scope = app.Services.CreateAsyncScope();
        await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var definition = Definition();
        if (await KeptAsync(db, responses) is { } kept)
        {
            Console.WriteLine($"reusing the kept {responses:N0} responses in {name}");
            if (args.Contains("--seed-only"))
            {
                await SeedTotalsAsync(db, kept.Survey, definition);
                return 0;
            }

            return await MeasureAsync(db, kept.Survey, definition, kept.Communes, responses, postgres, args);
        }

        var tree = scope.ServiceProvider.GetRequiredService<UnitTree>();
        var root = await tree.EnsureRootAsync();
        var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
        var communes = new List<long>();
        for (var c = 0; c < Communes; c++)
        {
            communes.Add((await tree.AddChildAsync(province, $"Phường {c + 1}", UnitKind.Commune, (20100 + c).ToString(CultureInfo.InvariantCulture))).Id);
        }

        var json = definition.ToJson();
        var survey = new Survey { UnitId = province.Id, Title = "Bench", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1 };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json });
        db.SurveyUnits.AddRange(communes.Select((id, c) => new SurveyUnit { SurveyId = survey.Id, UnitId = id, Population = 15_000 + (c * 3_000) }));
        await db.SaveChangesAsync();

        var load = Stopwatch.StartNew();
        var answerRows = postgres ? await LoadPostgresAsync(db, connection!, survey.Id, definition, communes, responses)
            : await LoadAsync(db, database.SqlitePath, survey.Id, definition, communes, responses);
        Console.WriteLine($"loaded {responses:N0} responses, {answerRows:N0} answer rows and their running totals in {load.Elapsed.TotalSeconds:0} s");
        if (args.Contains("--seed-only"))
        {
            await SeedTotalsAsync(db, survey, definition);
            return 0;
        }

        return await MeasureAsync(db, survey, definition, communes, responses, postgres, args);
    }

    private static async Task<int> MeasureAsync(AppDbContext db, Survey survey, SurveyDefinition definition, List<long> communes, int responses, bool postgres, string[] args)
    {
        // Kept totals (--seed-only builds them) are measured as they are; --rebuild (or none kept) sets the marks and the
        // weighting questions up as the office's pages do and times the rebuild job. The weighting is set aside (its
        // cell totals stay) until the raked view, so the views before it are post-stratified by unit.
        var setUp = args.Contains("--rebuild") || !await KeptTotalsAsync(db, survey.Id);
        var weighting = await db.SurveyWeightings.AsNoTracking().Where(w => w.SurveyId == survey.Id).ToListAsync();
        var margins = await db.SurveyMargins.AsNoTracking().Where(m => m.SurveyId == survey.Id).ToListAsync();
        await db.SurveyWeightings.Where(w => w.SurveyId == survey.Id).ExecuteDeleteAsync();
        await db.SurveyMargins.Where(m => m.SurveyId == survey.Id).ExecuteDeleteAsync();
        // The measurement alone holds both of the machine's shared CPU slots (flock, as /work/wt/cpu takes them).
        using var slots = args.Contains("--hold-slots") ? await CpuSlots.HoldBothAsync() : null;
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        // --baseline all (default): every row-by-row view; raw: only the full row-by-row computation (the scans of a
        // filter, a cross-tab and the raking take many minutes each at 1,000,000); none (or --skip-scans): no baseline.
        var baseline = args.Contains("--skip-scans") ? "none" : FoundationBenchmarks.Option(args, "--baseline") ?? "all";
        var skipScans = baseline != "all";
        var results = new SurveyResults(db);
        var raw = new RawSurveyResults(db);
        await results.BuildAsync(survey, definition, "vi", CancellationToken.None);
        var tallied = new List<double>();
        ResultsReport report = null!;
        for (var i = 0; i < 5; i++)
        {
            db.ChangeTracker.Clear();
            var started = Stopwatch.GetTimestamp();
            report = await results.BuildAsync(survey, definition, "vi", CancellationToken.None);
            tallied.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // A filter on q02 and a cross-tab by q03: scanned row by row, then from the kept cross totals once both are marked.
        var views = new[] { new ResultsQuery(Question: "q02", Option: "o1"), new ResultsQuery(By: "q03") };
        var scanned = new List<double>();
        var scannedReports = new List<ResultsReport>();
        foreach (var view in skipScans ? [] : views)
        {
            db.ChangeTracker.Clear();
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            scannedReports.Add(await new SurveyResults(db) { RowByRow = true }.BuildAsync(survey, definition, "vi", CancellationToken.None, view));
            scanned.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // What /Surveys/Details does when q02 and q03 are marked (the POST), then the rebuild job run to the end.
        var markStarted = Stopwatch.GetTimestamp();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (setUp)
            {
                await SurveyCrossTallies.SetMarksAsync(db, survey.Id, ["q02", "q03"], DateTime.UtcNow, CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        var markPostMs = Stopwatch.GetElapsedTime(markStarted).TotalMilliseconds;
        var markChunks = await RebuildAsync(db, survey.Id);
        var markSeconds = Stopwatch.GetElapsedTime(markStarted).TotalSeconds;
        var keptMs = new List<double>();
        var keptSame = true;
        for (var v = 0; v < views.Length; v++)
        {
            var runs = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                db.ChangeTracker.Clear();
                var started = Stopwatch.GetTimestamp();
                var keptReport = await results.BuildAsync(survey, definition, "vi", CancellationToken.None, views[v]);
                runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                keptSame &= skipScans || Same(scannedReports[v], keptReport);
            }

            keptMs.Add(Stats.Median(runs));
        }

        var unitMs = await MedianAsync(db, () => results.BuildAsync(survey, definition, "vi", CancellationToken.None, new ResultsQuery(Unit: communes[3])));
        GC.Collect();
        var rawStarted = Stopwatch.GetTimestamp();
        var rawReport = baseline == "none" ? report : await raw.BuildAsync(survey, definition, "vi", CancellationToken.None);
        var rawMs = baseline == "none" ? double.NaN : Stopwatch.GetElapsedTime(rawStarted).TotalMilliseconds;
        var same = Same(report, rawReport);
        if (!setUp)
        {
            db.ChangeTracker.Clear();
            db.SurveyWeightings.AddRange(weighting);
            db.SurveyMargins.AddRange(margins);
            await db.SaveChangesAsync();
        }

        var raked = await RakedAsync(db, survey, definition, skipScans, setUp);
        scanned.AddRange(skipScans ? [double.NaN, double.NaN] : []);

        Console.WriteLine($"Survey results, {definition.Questions.Count()} questions, {responses:N0} responses over {Communes} communes, post-stratified, {(postgres ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores");
        Stats.PrintTable(["what", "ms (median of 5 / one run)", "ratio to baseline"],
        [
            ["row-by-row computation, every answer read (baseline)", Stats.F(rawMs, "0"), "1.00"],
            ["full results from running totals (weights, margins, cross-tab by unit)", Stats.F(Stats.Median(tallied), "0.0"), Stats.F(Stats.Median(tallied) / rawMs, "0.0000")],
            ["filter q02 = o1, scan of every answer", Stats.F(scanned[0], "0"), Stats.F(scanned[0] / rawMs, "0.00")],
            ["filter q02 = o1, kept cross totals (median of 5)", Stats.F(keptMs[0], "0.0"), Stats.F(keptMs[0] / rawMs, "0.0000")],
            ["cross-tab by q03, scan of every answer", Stats.F(scanned[1], "0"), Stats.F(scanned[1] / rawMs, "0.00")],
            ["cross-tab by q03, kept cross totals (median of 5)", Stats.F(keptMs[1], "0.0"), Stats.F(keptMs[1] / rawMs, "0.0000")],
            ["filter by unit, running totals (median of 5; no scan path)", Stats.F(unitMs, "0.0"), Stats.F(unitMs / rawMs, "0.0000")],
            ["raked (sex q05, age band q06, cap 5), raking and estimates over every row", Stats.F(raked.RowsMs, "0"), Stats.F(raked.RowsMs / rawMs, "0.00")],
            ["raked, totals kept per unit × weighting cell (median of 5)", Stats.F(raked.KeptMs, "0.0"), Stats.F(raked.KeptMs / rawMs, "0.0000")],
        ]);
        Console.WriteLine($"load average (1 min) {loadBefore} before the measurement, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after");
        Console.WriteLine(setUp ? string.Empty : "marks and weighting totals kept from --seed-only (no rebuild in this run; --rebuild times it):");
        Console.WriteLine($"marking q02 and q03: the POST {markPostMs:0} ms, then the rebuild job ({markChunks} chunks of {SurveyRebuilds.ChunkSize:N0} responses) to the end: {markSeconds:0.0} s in all");
        Console.WriteLine($"choosing the weighting questions: the POST {raked.PostMs:0} ms, then the rebuild job to the end: {raked.RebuildSeconds:0.0} s in all; {raked.Info}");
        Console.WriteLine($"weighted: {report.Weighted}; figures equal to the baseline's (1e-9): {same}; kept filter and cross-tab equal to the scan's: {keptSame}; raked equal: {raked.Same}"
            + (skipScans ? $" (--baseline {baseline}: the scans of a filter, a cross-tab and the raking not run, not compared)" : string.Empty));
        return same && keptSame && raked.Same ? 0 : 1;
    }

    private static bool Same(ResultsReport a, ResultsReport b)
    {
        static bool Near(double? x, double? y) => x.HasValue == y.HasValue && (x is null || Math.Abs(x.Value - y!.Value) <= 1e-9 * Math.Max(1, Math.Abs(x.Value)));
        return a.Responses == b.Responses && a.Questions.Zip(b.Questions).All(p =>
            p.First.Answered == p.Second.Answered
            && p.First.Options.Zip(p.Second.Options).All(o => o.First.Count == o.Second.Count && Near(o.First.Percent, o.Second.Percent) && Near(o.First.Margin, o.Second.Margin))
            && Near(p.First.Mean?.Estimate, p.Second.Mean?.Estimate) && Near(p.First.Mean?.Margin, p.Second.Mean?.Margin)
            && p.First.ByUnit.Zip(p.Second.ByUnit).All(u => u.First.Answered == u.Second.Answered && u.First.Cells.Zip(u.Second.Cells).All(c => c.First.Count == c.Second.Count)));
    }

    /// <summary>Responses and answers straight into SQLite (prepared inserts, 20,000 responses a transaction), totals through the intake's own delta code.</summary>
    private static async Task<long> LoadAsync(AppDbContext db, string path, long surveyId, SurveyDefinition definition, List<long> communes, int responses)
    {
        var random = new Random(20261202);
        var questions = definition.Questions.ToList();
        var rows = 0L;
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        const int Chunk = 20_000;
        for (var start = 0; start < responses; start += Chunk)
        {
            var batch = new List<(SurveyResponse Response, List<AnswerValue> Values)>();
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await using var response = connection.CreateCommand();
                response.Transaction = transaction;
                response.CommandText = "INSERT INTO survey_responses (\"Id\", \"SurveyId\", \"Version\", \"UnitId\", \"ReceivedOn\") VALUES ($id, $s, 1, $u, '2026-12-01')";
                var rid = response.Parameters.Add("$id", SqliteType.Text);
                response.Parameters.AddWithValue("$s", surveyId);
                var ru = response.Parameters.Add("$u", SqliteType.Integer);
                await using var answer = connection.CreateCommand();
                answer.Transaction = transaction;
                answer.CommandText = "INSERT INTO survey_answers (\"Id\", \"ResponseId\", \"SurveyId\", \"QuestionKey\", \"Choice\", \"Number\") VALUES ($i, $r, $s, $q, $c, $n)";
                var ai = answer.Parameters.Add("$i", SqliteType.Integer);
                var ar = answer.Parameters.Add("$r", SqliteType.Text);
                answer.Parameters.AddWithValue("$s", surveyId);
                var aq = answer.Parameters.Add("$q", SqliteType.Text);
                var ac = answer.Parameters.Add("$c", SqliteType.Text);
                var an = answer.Parameters.Add("$n", SqliteType.Real);
                response.Prepare();
                answer.Prepare();
                for (var i = start; i < Math.Min(responses, start + Chunk); i++)
                {
                    var c = (int)Math.Min(Communes - 1, Math.Floor(Math.Pow(random.NextDouble(), 1.4) * Communes));
                    var id = "r" + i.ToString("D9", CultureInfo.InvariantCulture);
                    var values = Answers(questions, communes[c], c, random);
                    rid.Value = id;
                    ru.Value = communes[c];
                    await response.ExecuteNonQueryAsync();
                    foreach (var v in values)
                    {
                        ai.Value = SurveyShuffle.RandomKey();
                        ar.Value = id;
                        aq.Value = v.Question;
                        ac.Value = (object?)v.Choice ?? DBNull.Value;
                        an.Value = (object?)v.Number ?? DBNull.Value;
                        await answer.ExecuteNonQueryAsync();
                        rows++;
                    }

                    batch.Add((new SurveyResponse { Id = id, SurveyId = surveyId, Version = 1, UnitId = communes[c] }, values));
                }

                await transaction.CommitAsync();
            }

            await SurveyTallies.ApplyAsync(db, SurveyTallies.Deltas(definition, batch), CancellationToken.None);
        }

        return rows;
    }

    private static List<AnswerValue> Answers(List<SurveyQuestion> questions, long commune, int c, Random random)
    {
        var values = new List<AnswerValue>(24);
        foreach (var q in questions)
        {
            switch (q.Type)
            {
                case QuestionType.Unit:
                    values.Add(new AnswerValue(q.Key, commune.ToString(CultureInfo.InvariantCulture), null, null));
                    break;
                case QuestionType.Single or QuestionType.Likert:
                    var options = q.Options!;
                    var pick = (int)Math.Min(options.Count - 1, Math.Floor(Math.Pow(random.NextDouble(), 1 + (c * 0.05)) * options.Count));
                    values.Add(new AnswerValue(q.Key, options[pick].Key, null, null));
                    break;
                case QuestionType.Multiple:
                    if (random.NextDouble() < 0.7)
                    {
                        foreach (var o in q.Options!.Where(_ => random.NextDouble() < 0.35 + (c * 0.01)).DefaultIfEmpty(q.Options![0]))
                        {
                            values.Add(new AnswerValue(q.Key, o.Key, null, null));
                        }
                    }

                    break;
                case QuestionType.Rating:
                    values.Add(new AnswerValue(q.Key, null, random.Next(1, 6), null));
                    break;
                case QuestionType.Number:
                    if (random.NextDouble() < 0.9)
                    {
                        values.Add(new AnswerValue(q.Key, null, Math.Round(18 + (random.NextDouble() * 60) + c, 0), null));
                    }

                    break;
                default:
                    break;
            }
        }

        return values;
    }

    private static Labels L(string vi, string en) => new() { ["vi"] = vi, ["en"] = en };

    /// <summary>20 questions: the commune, 12 single/Likert, 3 multiple choice, 2 ratings, 2 numbers.</summary>
    private static SurveyDefinition Definition()
    {
        var questions = new List<SurveyQuestion> { new() { Key = "q01", Type = QuestionType.Unit, Required = true, Label = L("Xã", "Commune") } };
        for (var i = 2; i <= 20; i++)
        {
            var key = "q" + i.ToString("D2", CultureInfo.InvariantCulture);
            var type = i switch { <= 9 => QuestionType.Single, <= 13 => QuestionType.Likert, <= 16 => QuestionType.Multiple, <= 18 => QuestionType.Rating, _ => QuestionType.Number };
            var count = type switch { QuestionType.Likert => 5, QuestionType.Multiple => 4, _ => 2 + (i % 4) };
            questions.Add(new SurveyQuestion
            {
                Key = key,
                Type = type,
                Label = L("Câu " + key, "Question " + key),
                Min = type switch { QuestionType.Rating => 1, QuestionType.Number => 0, _ => null },
                Max = type switch { QuestionType.Rating => 5, QuestionType.Number => 120, _ => null },
                Options = type is QuestionType.Single or QuestionType.Likert or QuestionType.Multiple
                    ? [.. Enumerable.Range(1, count).Select(o => new SurveyOption { Key = "o" + o.ToString(CultureInfo.InvariantCulture), Label = L("Lựa chọn " + o.ToString(CultureInfo.InvariantCulture), "Option " + o.ToString(CultureInfo.InvariantCulture)) })]
                    : null,
            });
        }

        return new SurveyDefinition
        {
            Title = L("Khảo sát 20 câu", "20-question survey"),
            Sections = [new SurveySection { Key = "s1", Title = L("Phần 1", "Part 1"), Questions = questions }],
        };
    }
}
