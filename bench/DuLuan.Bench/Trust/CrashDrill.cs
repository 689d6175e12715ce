using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DuLuan.Bench.Trust;

/// <summary>
/// Crash safety and the backup/restore drill against real `duluan serve` processes:
/// a load generator keeps a ledger of acknowledged writes (Open311 concerns, survey batches and, from a signed-in
/// editor, post drafts) while the server
/// is killed with SIGKILL again and again; then `duluan backup` runs under load and `duluan restore` fills a
/// clean database. Prints figures and appends them to --out (area TAB goal TAB measured TAB met).
/// usage: trust crash --provider sqlite|postgres [--kills 50] [--rate 200] [--out file]
/// </summary>
public static partial class CrashDrill
{
    private const string Password = "mot cau rat dai de nho 42";
    private const string Email = "thu-khoi-phuc@trust.example.vn";

    private const string Definition = """
    { "languages": ["vi"], "title": { "vi": "Khảo sát độ bền" },
      "sections": [ { "key": "s1", "title": { "vi": "Chung" }, "questions": [
        { "key": "q", "type": "single", "label": { "vi": "Bạn có hài lòng không?" }, "required": true,
          "options": [ { "key": "yes", "label": { "vi": "Có" } }, { "key": "no", "label": { "vi": "Không" } } ] } ] } ] }
    """;

    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var provider = Arg("--provider", "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var kills = int.Parse(Arg("--kills", "50"), CultureInfo.InvariantCulture);
        var rate = int.Parse(Arg("--rate", "200"), CultureInfo.InvariantCulture);
        var report = Arg("--out", string.Empty);
        var work = Directory.CreateTempSubdirectory("duluan-trust-");
        var figures = new List<(string Area, string Goal, string Measured, bool Met)>();
        try
        {
            var source = await CreateDatabaseAsync(provider, work.FullName, "src");
            var setup = await SetUpAsync(source);
            Console.WriteLine($"== crash drill on {provider}: {kills} SIGKILLs, target {rate} acknowledged writes/s");

            var ledger = new Ledger();
            var server = Serve(source, out var url);
            var restarts = new List<double>();
            await WaitHealthyAsync(url, TimeSpan.FromSeconds(60));
            using var stop = new CancellationTokenSource();
            var load = RunLoadAsync(url, setup, ledger, rate, stop.Token);
            var random = new Random(7);
            var started = Stopwatch.StartNew();
            for (var k = 0; k < kills; k++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(3000, 6000)));
                Interlocked.Increment(ref ledger.Kills);
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                var watch = Stopwatch.StartNew();
                server.Dispose();
                server = Serve(source, out url, url);
                // Generous: on a saturated machine a restart can take long; it is measured, and over 10 s is reported.
                await WaitHealthyAsync(url, TimeSpan.FromSeconds(300));
                restarts.Add(watch.Elapsed.TotalSeconds);
            }

            await Task.Delay(1000);
            var elapsed = started.Elapsed.TotalSeconds;
            var acked = ledger.Count;
            var (lost, integrity) = await VerifyAsync(source, ledger.Snapshot());
            var worst = restarts.Count == 0 ? 0 : restarts.Max();
            var up = Math.Max(1, elapsed - restarts.Sum());
            var statuses = string.Join(", ", ledger.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key switch { 0 => "no answer", -1 => "not sent, 400 in flight", _ => s.Key.ToString(CultureInfo.InvariantCulture) }}: {s.Value}"));
            var loadAverage = LoadDrill.LoadAverage();
            Console.WriteLine($"time to acknowledgement: {ledger.Timings}");
            Console.WriteLine($"no answer by cause: {ledger.NoAnswerSplit}");
            Console.WriteLine($"acknowledged {acked} writes ({ledger.Kinds}) in {elapsed:F0} s ({acked / up:F0}/s while up), {ledger.Failures} refused or cut by a kill ({statuses}); lost {lost}; integrity {integrity}; restart max {worst:F2} s, mean {restarts.DefaultIfEmpty(0).Average():F2} s; load average {loadAverage}");
            figures.Add(("crash", $"acknowledged writes lost after {kills} SIGKILLs ({provider})", $"{lost} of {acked:N0} ({ledger.Kinds}); load average {loadAverage}", lost == 0));
            figures.Add(("crash", $"{rate} acknowledged writes/s while the server is up ({provider})", $"{acked / up:F0}/s acknowledged of {rate}/s offered open-loop ({ledger.Sent:N0} sent; not acknowledged: {statuses}); load average {loadAverage}", acked / up >= rate * 0.95));
            figures.Add(("crash", $"integrity check after the kills ({provider})", integrity, integrity == "ok"));
            figures.Add(("crash", $"restart after SIGKILL under 10 s ({provider})", $"max {worst:F2} s, mean {restarts.DefaultIfEmpty(0).Average():F2} s, median {restarts.DefaultIfEmpty(0).Order().ElementAt(restarts.Count / 2):F2} s over {restarts.Count} restarts; load average {loadAverage}", worst < 10));

            // Backup under load, then restore into a clean database.
            var file = Path.Combine(work.FullName, provider == DatabaseProvider.Sqlite ? "duluan-backup.db" : "duluan-backup.dump");
            var ackedBeforeBackup = ledger.Snapshot();
            var backupWatch = Stopwatch.StartNew();
            var (backupCode, backupOutput) = await CliAsync(source, ["backup", file]);
            var backupSeconds = backupWatch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await load;
            Console.WriteLine($"backup under load: exit {backupCode} in {backupSeconds:F2} s {backupOutput.Trim()}");
            figures.Add(("backup", $"`duluan backup` under {rate}/s load ({provider})", $"exit {backupCode}, {backupSeconds:F2} s, {new FileInfo(file).Length / 1024:N0} KB", backupCode == 0));

            var restored = await CreateDatabaseAsync(provider, work.FullName, "restored");
            var restoreWatch = Stopwatch.StartNew();
            var (restoreCode, restoreOutput) = await CliAsync(restored, ["restore", file]);
            var restoreSeconds = restoreWatch.Elapsed.TotalSeconds;
            Console.WriteLine($"restore into a clean database: exit {restoreCode} in {restoreSeconds:F2} s {restoreOutput.Trim()}");
            var (missing, restoredIntegrity) = await VerifyAsync(restored, ackedBeforeBackup);
            figures.Add(("backup", $"`duluan restore` into a clean database ({provider})", $"exit {restoreCode}, {restoreSeconds:F2} s; {missing} of {ackedBeforeBackup.Count:N0} writes acknowledged before the backup missing; integrity {restoredIntegrity}", restoreCode == 0 && missing == 0 && restoredIntegrity == "ok"));

            // At rest, the restored copy equals the source table by table.
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            var atRest = Path.Combine(work.FullName, provider == DatabaseProvider.Sqlite ? "at-rest.db" : "at-rest.dump");
            await CliAsync(source, ["backup", atRest]);
            var copy = await CreateDatabaseAsync(provider, work.FullName, "copy");
            await CliAsync(copy, ["restore", atRest]);
            var a = await ChecksumsAsync(source);
            var b = await ChecksumsAsync(copy);
            var differing = a.Where(t => b.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
            var rows = a.Values.Sum(v => long.Parse(v.Split(':')[0], CultureInfo.InvariantCulture));
            Console.WriteLine($"checksums: {a.Count} tables, {rows:N0} rows, differing: {string.Join(", ", differing)}");
            figures.Add(("backup", $"row counts and per-table checksums equal after restore ({provider})", $"{differing.Count} of {a.Count} tables differ ({rows:N0} rows)", differing.Count == 0 && a.Count > 10));

            // Sign-in and the contact vault on the restored database.
            var vault = await VaultAsync(restored);
            var restoredServer = Serve(restored, out var restoredUrl);
            try
            {
                await WaitHealthyAsync(restoredUrl, TimeSpan.FromSeconds(60));
                var signedIn = await SignInAsync(restoredUrl);
                Console.WriteLine($"restored: sign-in {(signedIn ? "ok" : "FAILED")}, contacts decrypted {vault}");
                figures.Add(("backup", $"sign-in and encrypted contacts work on the restored copy ({provider})", $"sign-in {(signedIn ? "ok" : "failed")}, {vault}", signedIn && vault.StartsWith("all ", StringComparison.Ordinal)));
            }
            finally
            {
                restoredServer.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            foreach (var (area, goal, measured, met) in figures)
            {
                if (report.Length > 0)
                {
                    await File.AppendAllTextAsync(report, string.Join('\t', area, goal, measured, met ? "met" : "NOT met") + "\n");
                }
            }

            NpgsqlConnection.ClearAllPools();
            try { work.Delete(recursive: true); } catch (IOException) { }
        }

        return figures.All(f => f.Met) ? 0 : 1;
    }

    internal sealed record Setup(long SurveyId, string ApiKey, string Jurisdiction, long CommuneId = 0);

    internal sealed class Ledger
    {
        private readonly ConcurrentQueue<(string Kind, string Key)> acked = new();
        private int failures;

        /// <summary>Writes sent (not counting those the client could not start because 400 were in flight).</summary>
        public long Sent;

        public int Count => acked.Count;

        public string Kinds => string.Join(", ", acked.GroupBy(a => a.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}s"));

        public int Failures => failures;

        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new(StringComparer.Ordinal);

        public void Ack(string kind, string key, double milliseconds = double.NaN)
        {
            acked.Enqueue((kind, key));
            if (!double.IsNaN(milliseconds))
            {
                latencies.GetOrAdd(kind, _ => []).Add(milliseconds);
            }
        }

        /// <summary>Per kind, the time to an acknowledgement (p50 / p99 ms): a kind that needs more round trips shows it here first.</summary>
        public string Timings => string.Join(", ", latencies.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
        {
            var all = l.Value.ToList();
            return $"{l.Key} p50 {Foundation.Stats.Median(all):F0} ms p99 {Foundation.Stats.Percentile(all, 0.99):F0} ms";
        }));

        public ConcurrentDictionary<int, int> Statuses { get; } = new();

        public void Fail(int status = 0)
        {
            Interlocked.Increment(ref failures);
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }

        /// <summary>The kills so far: a write that fails after a kill it was sent before was cut by that kill.</summary>
        public int Kills;

        /// <summary>"No answer" by cause (see <see cref="Classify"/>), and whether a kill fell while the write was in flight.</summary>
        public ConcurrentDictionary<string, int> NoAnswer { get; } = new(StringComparer.Ordinal);

        /// <summary>A write that got no HTTP answer: counted as "no answer" and classified.</summary>
        public void Fail(Exception e, int killsAtStart, long startedTimestamp)
        {
            Fail();
            var cut = Volatile.Read(ref Kills) != killsAtStart ? "across a kill" : "same process";
            NoAnswer.AddOrUpdate($"{Classify(e, Stopwatch.GetElapsedTime(startedTimestamp))}, {cut}", 1, (_, n) => n + 1);
        }

        public string NoAnswerSplit => string.Join(", ", NoAnswer.OrderByDescending(n => n.Value).Select(n => $"{n.Key}: {n.Value}"));

        /// <summary>
        /// Connection refused (nothing listens: the process is dead or not yet listening), connection reset or the
        /// answer cut short (the process died with the request in it), the 2 s connect time-out (the listen queue is
        /// not accepted: a starved or frozen process), the 10 s request time-out (accepted, never answered), other.
        /// </summary>
        public static string Classify(Exception e, TimeSpan elapsed)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is System.Net.Sockets.SocketException socket)
                {
                    return socket.SocketErrorCode switch
                    {
                        System.Net.Sockets.SocketError.ConnectionRefused => "refused",
                        System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown => "reset",
                        var other => other.ToString(),
                    };
                }
            }

            if (e is TaskCanceledException)
            {
                return elapsed >= TimeSpan.FromSeconds(9.5) ? "10 s time-out" : "connect time-out";
            }

            return e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpIOException or IOException ? "reset" : $"other ({e.GetType().Name})";
        }

        public List<(string Kind, string Key)> Snapshot() => [.. acked];
    }
}
