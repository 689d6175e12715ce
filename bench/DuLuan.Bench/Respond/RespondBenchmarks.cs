using System.Diagnostics;
using System.Globalization;
using DuLuan.Bench.Foundation;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Respond;

/// <summary>
/// Concern intake with look-alike matching against 100,000 open cases, and the escalation sweep over
/// 1,000,000 cases, on SQLite with the app's migrations and services. Ratios are against baselines
/// measured in the same run: intake into a place with no open case, and one full count of the cases table.
/// </summary>
public static class RespondBenchmarks
{
    private static readonly string[] Words = ("rác thải tồn đọng chợ mùi hôi đèn đường hỏng tắt đêm nước ngập cống tắc ổ gà mặt đường xe tải " +
        "tiếng ồn karaoke khuya cây đổ bão lấn chiếm vỉa hè bụi công trình khói nhà máy trường học điện chập chờn kênh mương").Split(' ');

    public static int Run(string[] args)
    {
        var openCases = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var sweepCases = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        RunAsync(openCases, sweepCases).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(int openCases, int sweepCases)
    {
        Console.WriteLine($"## Concern intake against {openCases:N0} open cases (10 busy communes)");
        await IntakeAsync(openCases);
        Console.WriteLine();
        Console.WriteLine($"## Escalation sweep over {sweepCases:N0} cases");
        await SweepAsync(sweepCases);
    }

    private static async Task<(ServiceProvider Provider, string ConnectionString, List<long> Communes)> CreateAsync(string directory)
    {
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = directory };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDuLuanCore(new ConfigurationBuilder().Build(), database);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            var import = new List<UnitImportRow> { new(1, "P01", "Province 01", UnitKind.Province, null) };
            for (var c = 1; c <= 100; c++)
            {
                import.Add(new UnitImportRow(import.Count + 1, $"P01-C{c:000}", $"Commune {c:000}", UnitKind.Commune, "P01"));
            }

            await scope.ServiceProvider.GetRequiredService<UnitImporter>().ImportAsync(import);
        }

        await using var db = provider.CreateAsyncScope();
        var communes = await db.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Kind == UnitKind.Commune).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        return (provider, database.ResolveConnectionString(), communes);
    }

    private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static async Task InsertCasesAsync(string connectionString, int count, Func<int, long> unit, Func<int, DateTime> due, Random random)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO cases (\"UnitId\",\"Title\",\"Description\",\"Severity\",\"Status\",\"CreatedAt\",\"DueAt\",\"Version\") VALUES ($u,$t,$d,'Normal','Assigned',$c,$due,0)";
        var u = insert.Parameters.Add("$u", SqliteType.Integer);
        var t = insert.Parameters.Add("$t", SqliteType.Text);
        var d = insert.Parameters.Add("$d", SqliteType.Text);
        var c = insert.Parameters.Add("$c", SqliteType.Text);
        var dueAt = insert.Parameters.Add("$due", SqliteType.Text);
        for (var i = 0; i < count; i++)
        {
            var at = due(i);
            u.Value = unit(i);
            t.Value = Sentence(random, 6);
            d.Value = Sentence(random, 25);
            c.Value = Sql(at.AddDays(-7));
            dueAt.Value = Sql(at);
            insert.ExecuteNonQuery();
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task IntakeAsync(int openCases)
    {
        var directory = Directory.CreateTempSubdirectory("duluan-bench-intake-").FullName;
        var (provider, connectionString, communes) = await CreateAsync(directory);
        await using var _ = provider;
        var random = new Random(20261201);
        var busy = communes.Take(10).ToList();
        var empty = communes.Skip(50).ToList();
        await InsertCasesAsync(connectionString, openCases, i => busy[i % busy.Count], _ => DateTime.UtcNow.AddDays(3), random);

        async Task<(List<double> Intake, List<double> Matching)> MeasureAsync(IReadOnlyList<long> places, int runs)
        {
            var intake = new List<double>();
            var matching = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var place = places[i % places.Count];
                var title = Sentence(random, 6);
                var text = Sentence(random, 30) + " " + i.ToString(CultureInfo.InvariantCulture);
                await using (var scope = provider.CreateAsyncScope())
                {
                    var clock = Stopwatch.StartNew();
                    await scope.ServiceProvider.GetRequiredService<CaseMatcher>().BestOpenCaseAsync(place, title + "\n" + text);
                    matching.Add(clock.Elapsed.TotalMilliseconds);
                }

                await using (var scope = provider.CreateAsyncScope())
                {
                    var clock = Stopwatch.StartNew();
                    await scope.ServiceProvider.GetRequiredService<ConcernIntake>().SubmitAsync(new ConcernDraft(place, title, text, new Contact(null, null), ConcernSource.Staff));
                    intake.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            return (intake, matching);
        }

        await MeasureAsync(busy, 20); // warm-up
        var baseline = await MeasureAsync(empty, 200);
        var loaded = await MeasureAsync(busy, 200);
        Stats.PrintTable(["measure", "p50 ms", "p95 ms", "vs baseline (p95)"],
        [
            ["intake, place with no open case (baseline)", Stats.F(Stats.Median(baseline.Intake)), Stats.F(Stats.Percentile(baseline.Intake, 0.95)), "1.00"],
            [$"intake, place with {openCases / 10:N0} open cases", Stats.F(Stats.Median(loaded.Intake)), Stats.F(Stats.Percentile(loaded.Intake, 0.95)), Stats.F(Stats.Percentile(loaded.Intake, 0.95) / Stats.Percentile(baseline.Intake, 0.95))],
            ["matching alone, same place", Stats.F(Stats.Median(loaded.Matching)), Stats.F(Stats.Percentile(loaded.Matching, 0.95)), "-"],
        ]);
        Console.WriteLine($"share of intake time in matching (means): {Stats.F(loaded.Matching.Average() / loaded.Intake.Average() * 100, "0")} %");
    }

    private static async Task SweepAsync(int count)
    {
        var directory = Directory.CreateTempSubdirectory("duluan-bench-sweep-").FullName;
        var (provider, connectionString, communes) = await CreateAsync(directory);
        await using var _ = provider;
        var random = new Random(20261202);
        var now = DateTime.UtcNow;
        // One in ten cases is past its deadline.
        await InsertCasesAsync(connectionString, count, i => communes[i % communes.Count], i => i % 10 == 0 ? now.AddHours(-1 - (i % 48)) : now.AddDays(1 + (i % 20)), random);

        var baseline = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(c => c.Title != "");
        }

        baseline.Stop();
        var sweep = Stopwatch.StartNew();
        EscalationSweep.Result result;
        await using (var scope = provider.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunAsync();
        }

        sweep.Stop();
        Stats.PrintTable(["measure", "seconds", "vs baseline"],
        [
            ["full count of the cases table (baseline)", Stats.F(baseline.Elapsed.TotalSeconds), "1.00"],
            [$"sweep: {result.Flagged:N0} flagged, {result.Notifications} digests", Stats.F(sweep.Elapsed.TotalSeconds), Stats.F(sweep.Elapsed.TotalSeconds / baseline.Elapsed.TotalSeconds)],
        ]);
    }
}
