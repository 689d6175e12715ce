using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Tests.Infrastructure;
using DuLuan.Tests.Surveys;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The order anonymous responses arrived in cannot be read back from storage: no order the database shows (SQLite rowid,
/// PostgreSQL ctid and xmin, primary keys, a plain scan, any sequence) of the responses, their answers, the repeat-answer
/// tokens or the idempotency rows correlates with arrival once the survey's rows have been shuffled, and the public answer
/// page and submit API set no cookie.
/// </summary>
public sealed class SurveyOrderTests
{
    /// <summary>The goal for the largest Kendall |tau| over every observable order (a random order of 1,000 rows: σ ≈ 0.021).</summary>
    public const double Goal = 0.05;

    [Theory, Providers]
    public async Task No_storage_order_of_survey_rows_follows_the_order_responses_arrived_in(DatabaseProvider provider)
    {
        var count = TrustReport.Count(200, 1_000);
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:SubmissionsPerMinute"] = "1000000" });
        var surveyId = await SurveyKit.PublishedAsync(app);
        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            // Keys a careless API client might send: a counter, which sorts in arrival order.
            var key = $"lo-{i:D8}";
            var token = $"thiet-bi-{i:D6}-{Guid.NewGuid():N}";
            var body = new
            {
                idempotencyKey = key,
                responses = new[] { new { version = 1, token, answers = SurveyKit.Answers(app.Tree.CommuneA1.Id, i % 2 == 0 ? "yes" : "no", ("q_note", $"thu-tu-{i:D5}")) } },
            };
            using var sent = await raw.PostAsJsonAsync($"/api/public/surveys/{surveyId}/responses", body);
            Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
            tokens[ResponseIntake.TokenHash(surveyId, token)] = i;
            keys[key] = i;
            keys[ResponseIntake.KeyHash(surveyId, key)] = i;
        }

        // What the job does every Surveys:ShuffleSeconds (PostgreSQL; nothing to do on SQLite).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rewritten = await app.WithScopeAsync(s => s.GetRequiredService<SurveyShuffle>().RunAsync(CancellationToken.None));
        var rewrite = rewritten == 0 ? "no rewrite needed" : $"rewrite {watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
        var orders = await app.WithDbAsync(db => SurveyOrders.ReadAsync(db, surveyId, tokens, keys));
        Assert.Equal(count, orders["survey_responses primary key"].Count);
        var taus = orders.ToDictionary(o => o.Key, o => SurveyOrders.KendallTau(o.Value));
        var (worst, tau) = taus.MaxBy(t => Math.Abs(t.Value));
        var sequences = await app.WithDbAsync(SurveyOrders.SequencesAsync);

        // A random order of n rows has |tau| above 5 σ about once in two million runs; arrival order gives 1. The goal of
        // 0.05 is 2.4 σ at 1,000 rows (a random order misses it about 1.8 % of the time per order), so the test asserts 5 σ.
        var bound = Math.Max(Goal, 5 * SurveyOrders.RandomSigma(count));
        var goal = count >= 1_000 ? Goal : bound;
        TrustReport.Add("anonymity", $"survey storage order vs arrival: largest Kendall |tau| over {taus.Count} observable orders of responses, answers, tokens, idempotency rows, {TrustReport.N(count)} responses ({provider}); goal < {goal.ToString("0.00", CultureInfo.InvariantCulture)}",
            $"{Math.Abs(tau).ToString("0.000", CultureInfo.InvariantCulture)} ({worst}); sequences: {sequences.Count}; {rewrite}", Math.Abs(tau) < goal && sequences.Count == 0);
        var report = string.Join("\n", taus.OrderByDescending(t => Math.Abs(t.Value)).Select(t => $"{t.Key}: {t.Value:0.000}"));
        Assert.True(Math.Abs(tau) < bound, $"largest |tau| {tau:0.000} ({worst}) is not below {bound:0.000}:\n{report}");
        Assert.Empty(sequences);
    }

    [Theory, Providers]
    public async Task The_shuffle_job_puts_new_responses_in_key_order_within_its_interval(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Surveys:ShuffleSeconds"] = "1" });
        var surveyId = await SurveyKit.PublishedAsync(app);
        // Four clients keep submitting while the job rewrites every second: nothing submitted meanwhile may be lost.
        const int Count = 120;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async lane =>
        {
            using var client = app.Client();
            for (var i = lane; i < Count; i += 4)
            {
                using var sent = await SurveyKit.SubmitAsync(client, surveyId, SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id, "no", ("q_note", $"thu-tu-{i:D5}"))));
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
                await Task.Delay(20);
            }
        }));

        // Storage order equals key order: at once on SQLite (WITHOUT ROWID), after the job's next run on PostgreSQL.
        const string KeyOrder = "SELECT \"Id\" AS \"Value\" FROM survey_responses WHERE \"SurveyId\" = {0} ORDER BY \"Id\"";
        var physical = provider == DatabaseProvider.Sqlite
            ? "SELECT \"Id\" AS \"Value\" FROM survey_responses WHERE \"SurveyId\" = {0}"
            : "SELECT \"Id\" AS \"Value\" FROM survey_responses WHERE \"SurveyId\" = {0} ORDER BY ctid";
        var inKeyOrder = false;
        for (var attempt = 0; attempt < 300 && !inKeyOrder; attempt++)
        {
            var ids = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(physical, surveyId).ToListAsync());
            var keyOrder = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(KeyOrder, surveyId).ToListAsync());
            inKeyOrder = ids.Count == Count && ids.SequenceEqual(keyOrder);
            if (!inKeyOrder)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(inKeyOrder, "the responses are not stored in key order");
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(Count, await app.WithDbAsync(db => db.SurveyShuffleMarks.Where(m => m.SurveyId == surveyId).Select(m => m.Responses).SingleAsync()));
        }

        Assert.Equal(Count, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.SurveyId == surveyId && a.QuestionKey == "q_note")));
        Assert.Equal(Count, await app.WithDbAsync(db => db.SurveyBatches.CountAsync(b => b.SurveyId == surveyId)));
        Assert.Equal(Count, await app.WithDbAsync(db => db.Set<SurveyTally>().Where(t => t.SurveyId == surveyId && t.QuestionKey == "" && t.OptionKey == "").SumAsync(t => t.Count)));
    }

    [Theory, Providers]
    public async Task The_public_answer_page_and_submit_api_set_no_cookie(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var surveyId = await SurveyKit.PublishedAsync(app);
        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        foreach (var (path, note) in new[] { ($"/cong/48/khao-sat/{surveyId}", "Chậm nhất 5 phút"), ($"/cong/48/khao-sat/{surveyId}?lang=en", "At most 5 minutes") })
        {
            using var page = await raw.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.False(page.Headers.Contains("Set-Cookie"), $"{path} sets {string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
            // The note residents read says how soon their response's place in storage stops showing when it came.
            Assert.Contains(note, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var sent = await raw.PostAsJsonAsync($"/api/public/surveys/{surveyId}/responses", SurveyKit.Batch(SurveyKit.Key(), SurveyKit.Answers(app.Tree.CommuneA1.Id)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
    }

    [Theory, Providers]
    public async Task No_table_links_a_token_or_an_idempotency_row_to_a_response(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var links = await app.WithDbAsync(db => Task.FromResult(new[] { typeof(SurveyToken), typeof(SurveyBatch) }
            .SelectMany(t => db.Model.FindEntityType(t)!.GetForeignKeys().Select(f => (Table: t.Name, Principal: f.PrincipalEntityType.ClrType)))
            .Where(f => f.Principal != typeof(Survey))
            .Select(f => $"{f.Table} -> {f.Principal.Name}")
            .ToList()));
        Assert.Empty(links);
        var shared = await app.WithDbAsync(db => Task.FromResult(new[] { typeof(SurveyToken), typeof(SurveyBatch) }
            .SelectMany(t => db.Model.FindEntityType(t)!.GetProperties().Select(p => p.Name))
            .Intersect(db.Model.FindEntityType(typeof(SurveyResponse))!.GetProperties().Select(p => p.Name))
            .ToList()));
        Assert.Equal(["SurveyId"], shared);
    }
}

/// <summary>Reads every order a survey table shows and measures it against the order of arrival.</summary>
internal static class SurveyOrders
{
    /// <summary>Standard deviation of Kendall's tau for a random order of <paramref name="n"/> distinct values.</summary>
    public static double RandomSigma(int n) => Math.Sqrt(2.0 * ((2 * n) + 5) / (9.0 * n * (n - 1)));

    /// <summary>Kendall's tau-b between the listed position and the arrival index (ties on either side count as neither).</summary>
    public static double KendallTau(IReadOnlyList<(long Rank, int Arrival)> rows)
    {
        long concordant = 0, discordant = 0, tiedRank = 0, tiedArrival = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = i + 1; j < rows.Count; j++)
            {
                var a = Math.Sign(rows[i].Rank - rows[j].Rank);
                var b = Math.Sign(rows[i].Arrival - rows[j].Arrival);
                if (a == 0 && b == 0)
                {
                    continue;
                }

                if (a == 0)
                {
                    tiedRank++;
                }
                else if (b == 0)
                {
                    tiedArrival++;
                }
                else if (a == b)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }

        var denominator = Math.Sqrt((double)(concordant + discordant + tiedRank) * (concordant + discordant + tiedArrival));
        return denominator == 0 ? 0 : (concordant - discordant) / denominator;
    }

    /// <summary>Each order as (rank, arrival) pairs, named "table order".</summary>
    public static async Task<Dictionary<string, List<(long Rank, int Arrival)>>> ReadAsync(AppDbContext db, long surveyId, Dictionary<string, int> tokens, Dictionary<string, int> keys)
    {
        var sqlite = db.Database.IsSqlite();
        var notes = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId && a.QuestionKey == "q_note").Select(a => new { a.ResponseId, a.Text }).ToListAsync();
        var responses = notes.ToDictionary(n => n.ResponseId, n => int.Parse(n.Text!["thu-tu-".Length..], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var tables = new (string Table, string Key, string PrimaryKey, Dictionary<string, int> Arrival)[]
        {
            ("survey_responses", "\"Id\"", "\"Id\"", responses),
            ("survey_answers", "\"ResponseId\"", "\"Id\"", responses),
            ("survey_tokens", "\"Hash\"", "\"Hash\"", tokens),
            ("survey_batches", "\"Key\"", "\"Key\"", keys),
        };
        var orders = new Dictionary<string, List<(long, int)>>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var (table, key, primaryKey, arrival) in tables)
        {
            var where = $"WHERE \"SurveyId\" = {surveyId.ToString(CultureInfo.InvariantCulture)}";
            var ways = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["scan"] = $"SELECT {key}, 0 FROM {table} {where}",
                ["primary key"] = $"SELECT {key}, 0 FROM {table} {where} ORDER BY {primaryKey}",
            };
            if (sqlite)
            {
                if (await ScalarAsync(connection, $"SELECT COUNT(*) FROM pragma_table_list WHERE name = '{table}' AND wr = 0") > 0)
                {
                    ways["rowid"] = $"SELECT {key}, rowid FROM {table} {where} ORDER BY rowid";
                }
            }
            else
            {
                ways["ctid"] = $"SELECT {key}, 0 FROM {table} {where} ORDER BY ctid";
                ways["xmin"] = $"SELECT {key}, xmin::text::bigint FROM {table} {where} ORDER BY 2";
            }

            foreach (var (name, sql) in ways)
            {
                orders[$"{table} {name}"] = await RanksAsync(connection, sql, arrival, tiedByValue: name == "xmin");
            }
        }

        return orders;
    }

    /// <summary>Sequences or autoincrement counters on the survey tables (names; empty when there are none).</summary>
    public static async Task<List<string>> SequencesAsync(AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var sql = db.Database.IsSqlite()
            ? "SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence' AND EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name LIKE 'survey%' AND sql LIKE '%AUTOINCREMENT%' AND name IN ('survey_responses','survey_answers','survey_tokens','survey_batches','survey_tallies','survey_units'))"
            : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('survey_responses','survey_answers','survey_tokens','survey_batches','survey_tallies','survey_units') AND (is_identity = 'YES' OR column_default LIKE 'nextval%')";
        var names = new List<string>();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<List<(long, int)>> RanksAsync(DbConnection connection, string sql, Dictionary<string, int> arrival, bool tiedByValue)
    {
        var rows = new List<(long, int)>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        long position = 0;
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0);
            Assert.True(arrival.TryGetValue(key, out var index), $"{sql}: no arrival known for {key}");
            rows.Add((tiedByValue ? reader.GetInt64(1) : position, index));
            position++;
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
