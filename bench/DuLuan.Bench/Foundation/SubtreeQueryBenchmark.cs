using System.Diagnostics;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Bench.Foundation;

/// <summary>
/// Count one province's rows among 1,000,000 spread over 3,434 units: the app's query shape through
/// EF (UnitScope.SubtreePredicate, then Contains over the visible unit ids, exactly as
/// UnitScope.InScope builds it) against hand-written SQL on the same open connection.
/// </summary>
internal static class SubtreeQueryBenchmark
{
    private const int Rows = 1_000_000;
    private const string HandSql = "SELECT COUNT(*) FROM bench_rows WHERE \"UnitId\" IN (SELECT \"Id\" FROM units WHERE \"Path\" LIKE $pattern)";
    private const string RangeSql = "SELECT COUNT(*) FROM bench_rows WHERE \"UnitId\" IN (SELECT \"Id\" FROM units WHERE \"Path\" >= $from AND \"Path\" < $to)";

    public static int Run(int runs) => RunAsync(runs).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int runs)
    {
        var data = Path.Combine(Path.GetTempPath(), "duluan-bench-subtree-" + Guid.NewGuid().ToString("N"));
        try
        {
            var build = Stopwatch.StartNew();
            var connectionString = await SubtreeDbBuilder.CreateAsync(data, Rows);
            Console.WriteLine($"database built in {build.Elapsed.TotalSeconds:0.0} s: {SubtreeDbBuilder.Provinces * (SubtreeDbBuilder.CommunesPerProvince + 1) + 1} units, {Rows:N0} rows");

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var options = new DbContextOptionsBuilder<SubtreeDb>().UseSqlite(connection).Options;
            string prefix;
            await using (var db = new SubtreeDb(options))
            {
                prefix = await db.Units.Where(u => u.Code == "P17").Select(u => u.Path).SingleAsync();
            }

            var efSql = await SqlDiagnostics.CapturedCountSqlAsync(connection, db => Query(db, [prefix]));
            Console.WriteLine($"province P17, subtree prefix {prefix}");
            Console.WriteLine("EF's SQL for the count:");
            Console.WriteLine(efSql);
            Console.WriteLine("query plan, EF's SQL: " + await SqlDiagnostics.PlanAsync(connection, efSql, ("@prefix_startswith", prefix + "%")));
            Console.WriteLine("query plan, hand-written: " + await SqlDiagnostics.PlanAsync(connection, HandSql, ("$pattern", prefix + "%")));

            // '/' + 1 is '0': every path under the prefix sorts in [prefix, prefix-with-last-'/'-as-'0').
            var timed = await TimeInterleavedAsync(
                runs,
                () => CountWithSqlAsync(connection, HandSql, ("$pattern", prefix + "%")),
                () => CountWithEfAsync(options, prefix),
                () => CountWithSqlAsync(connection, RangeSql, ("$from", prefix), ("$to", prefix[..^1] + "0")),
                () => CountWithSqlAsync(connection, efSql, ("@prefix_startswith", prefix + "%")));
            var (hand, ef, range, efText) = (timed[0], timed[1], timed[2], timed[3]);
            if (ef.Count != hand.Count || range.Count != hand.Count || efText.Count != hand.Count)
            {
                Console.Error.WriteLine($"Counts differ: EF {ef.Count}, SQL {hand.Count}, range {range.Count}.");
                return 1;
            }

            var baseline = Stats.Median(hand.Milliseconds);
            Console.WriteLine();
            Console.WriteLine($"Subtree count of one province ({hand.Count:N0} rows), {runs} runs each after 20 warm-up runs");
            Stats.PrintTable(
                ["query", "median (ms)", "p90 (ms)", "ratio to hand-written"],
                [
                    Row("hand-written SQL, IN + LIKE (baseline)", hand.Milliseconds, baseline),
                    Row("EF, app's UnitScope query shape", ef.Milliseconds, baseline),
                    Row("EF's SQL text run by hand (ADO.NET)", efText.Milliseconds, baseline),
                    Row("hand-written SQL, IN + path range", range.Milliseconds, baseline),
                ]);
            var ratio = Stats.Median(ef.Milliseconds) / baseline;
            Console.WriteLine($"goal: EF within 1.2x of hand-written SQL: {(ratio <= 1.2 ? "met" : "NOT met")} ({Stats.F(ratio)}x)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>What UnitScope.InScope produces for a member whose one subtree root is <paramref name="paths"/>.</summary>
    private static IQueryable<BenchRow> Query(SubtreeDb db, IReadOnlyList<string> paths)
    {
        var visibleIds = db.Units.Where(UnitScope.SubtreePredicate<Unit>(paths, u => u.Path)).Select(u => u.Id);
        return db.Rows.Where(r => visibleIds.Contains(r.UnitId));
    }

    private static async Task<long> CountWithEfAsync(DbContextOptions<SubtreeDb> options, string prefix)
    {
        // A context per call, as a request-scoped context is in the app.
        await using var db = new SubtreeDb(options);
        return await Query(db, [prefix]).LongCountAsync();
    }

    private static async Task<long> CountWithSqlAsync(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs the queries in turn, many times, so a busy machine slows them alike.</summary>
    private static async Task<(List<double> Milliseconds, long Count)[]> TimeInterleavedAsync(int runs, params Func<Task<long>>[] queries)
    {
        var results = queries.Select(_ => (Milliseconds: new List<double>(runs), Count: 0L)).ToArray();
        for (var i = -20; i < runs; i++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var clock = Stopwatch.StartNew();
                var count = await queries[q]();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                results[q].Count = count;
                if (i >= 0)
                {
                    results[q].Milliseconds.Add(elapsed);
                }
            }
        }

        return results;
    }

    private static string[] Row(string name, List<double> times, double baseline)
        => [name, Stats.F(Stats.Median(times), "0.000"), Stats.F(Stats.Percentile(times, 0.9), "0.000"), Stats.F(Stats.Median(times) / baseline)];
}
