using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        public void Ack(string kind, string key) => acked.Enqueue((kind, key));

        public ConcurrentDictionary<int, int> Statuses { get; } = new();

        public void Fail(int status = 0)
        {
            Interlocked.Increment(ref failures);
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }

        public List<(string Kind, string Key)> Snapshot() => [.. acked];
    }

    internal static async Task<DatabaseOptions> CreateDatabaseAsync(DatabaseProvider provider, string work, string name)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(work, name);
            Directory.CreateDirectory(folder);
            return new DatabaseOptions { Provider = provider, DataDirectory = folder };
        }

        var admin = System.Environment.GetEnvironmentVariable("DULUAN_TEST_POSTGRES") ?? throw new InvalidOperationException("DULUAN_TEST_POSTGRES is not set (scripts/trust.sh starts a cluster).");
        var database = "duluan_trust_" + name + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString() };
    }

    private static WebApplication Host(DatabaseOptions options) => WebHost.Build(new WebHostSettings(options, ["http://127.0.0.1:0"])
    {
        Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Monitoring:SchedulerSeconds"] = "0", ["Monitoring:AlertMinutes"] = "0" },
    });

    internal static async Task<Setup> SetUpAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await MigrateCommand.MigrateAsync(services, CancellationToken.None);
        var tree = services.GetRequiredService<UnitTree>();
        var root = await tree.EnsureRootAsync();
        var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
        var commune = await tree.AddChildAsync(province, "Phường Hoà Khánh", UnitKind.Commune, "20200");
        var key = await services.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử độ bền");
        var db = services.GetRequiredService<AppDbContext>();
        var json = (SurveyDefinition.Parse(Definition, out var error) ?? throw new InvalidOperationException(error)).ToJson();
        var survey = new Survey { UnitId = commune.Id, Title = "Khảo sát độ bền", Status = SurveyStatus.Published, DraftJson = json, CurrentVersion = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.SurveyVersions.Add(new SurveyVersion { SurveyId = survey.Id, Number = 1, DefinitionJson = json, PublishedAt = DateTime.UtcNow });
        var users = services.GetRequiredService<UserManager<Member>>();
        var member = new Member { UserName = Email, Email = Email, DisplayName = "Thử khôi phục", EmailConfirmed = true };
        var created = await users.CreateAsync(member, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = commune.Id, Role = Role.Editor });
        await db.SaveChangesAsync();
        return new Setup(survey.Id, key.Key, "20200", commune.Id);
    }

    private static readonly object ServerLogLock = new();

    internal static Process Serve(DatabaseOptions options, out string url, string? reuse = null)
    {
        url = reuse ?? $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), "serve", "--urls", url, .. DataArgs(options)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        SetEnvironment(info, options);
        var process = Process.Start(info)!;
        // DULUAN_DRILL_SERVER_LOG keeps the server's log lines (the drill otherwise discards them) to find the cause of a 5xx.
        var keep = System.Environment.GetEnvironmentVariable("DULUAN_DRILL_SERVER_LOG");
        void Keep(string? line)
        {
            if (keep is not null && line is not null)
            {
                lock (ServerLogLock)
                {
                    File.AppendAllText(keep, line + "\n");
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string[] DataArgs(DatabaseOptions options) => options.Provider == DatabaseProvider.Sqlite ? ["--data", options.DataDirectory] : [];

    private static void SetEnvironment(ProcessStartInfo info, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            info.Environment["DULUAN_Database__Provider"] = "Postgres";
            info.Environment["DULUAN_Database__ConnectionString"] = options.ConnectionString;
        }

        info.Environment["RateLimits__RequestsPerMinute"] = "10000000";
        info.Environment["RateLimits__SignInPerMinute"] = "1000";
        info.Environment["Open311__PostsPerHour"] = "100000000";
        info.Environment["Surveys__SubmissionsPerMinute"] = "10000000";
        info.Environment["Monitoring__SchedulerSeconds"] = "0";
        info.Environment["Monitoring__AlertMinutes"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
    }

    internal static async Task<(int Code, string Output)> CliAsync(DatabaseOptions options, string[] verb)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), .. verb, .. DataArgs(options)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        SetEnvironment(info, options);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitHealthyAsync(string url, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url + "/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{url} did not become healthy in {limit.TotalSeconds} s");
    }

    /// <summary>
    /// Open loop: <paramref name="rate"/> writes are started every second whatever the server's latency (up to 400 in
    /// flight; beyond that a write counts as not sent): 1 in 20 a post draft by the signed-in editor (the post create
    /// form; staff write far less often than residents), the others half Open311 concerns and half survey batches. Only a 2xx with an id or key (for a post, the redirect
    /// to the new post) counts as acknowledged.
    /// </summary>
    private static async Task RunLoadAsync(string url, Setup setup, Ledger ledger, int rate, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 400, ConnectTimeout = TimeSpan.FromSeconds(2) }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        using var editor = await Editor.SignInAsync(url, setup);
        using var inFlight = new SemaphoreSlim(400);
        var pending = new ConcurrentDictionary<long, Task>();
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (!ct.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (n < due)
            {
                var id = n++;
                if (!inFlight.Wait(0, CancellationToken.None))
                {
                    ledger.Fail(-1);
                    continue;
                }

                var task = Task.Run(async () =>
                {
                    try
                    {
                        if (id % 20 == 19)
                        {
                            await editor.DraftAsync(ledger, id);
                        }
                        else
                        {
                            await WriteAsync(http, setup, ledger, id);
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, CancellationToken.None);
                pending[id] = task;
                _ = task.ContinueWith(_ => pending.TryRemove(id, out Task? _), TaskScheduler.Default);
            }

            try
            {
                await Task.Delay(5, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(pending.Values);
    }

    private static async Task WriteAsync(HttpClient http, Setup setup, Ledger ledger, long n)
    {
        Interlocked.Increment(ref ledger.Sent);
        try
        {
            if (n % 2 == 0)
            {
                var text = $"Đèn đường trước nhà số {n}-{Guid.NewGuid():N} tắt nhiều đêm liền, người đi đường rất nguy hiểm.";
                using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = setup.ApiKey,
                    ["jurisdiction_id"] = setup.Jurisdiction,
                    ["service_code"] = GeoReportRequests.ServiceCode,
                    ["description"] = text,
                    ["email"] = $"nguoidan{n}@example.vn",
                }), CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var token = TokenPattern().Match(body);
                if (response.IsSuccessStatusCode && token.Success)
                {
                    ledger.Ack("concern", token.Groups[1].Value);
                }
                else
                {
                    ledger.Fail((int)response.StatusCode);
                }
            }
            else
            {
                var key = Guid.NewGuid().ToString("N");
                using var response = await http.PostAsJsonAsync($"/api/public/surveys/{setup.SurveyId}/responses", new
                {
                    idempotencyKey = key,
                    responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["q"] = n % 3 == 0 ? "no" : "yes" } } },
                }, CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    ledger.Ack("survey", ResponseIntake.KeyHash(setup.SurveyId, key)); // stored as its hash
                }
                else
                {
                    ledger.Fail((int)response.StatusCode);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            ledger.Fail();
        }
    }

    /// <summary>Acknowledged writes missing from the database, and the engine's integrity check.</summary>
    internal static async Task<(int Lost, string Integrity)> VerifyAsync(DatabaseOptions options, List<(string Kind, string Key)> acked)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var concerns = (await db.Concerns.Select(c => c.DedupKey).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var batches = (await db.SurveyBatches.Select(b => b.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        // A post is acknowledged by its id; its title carries a unique marker, so a reused id cannot pass for it.
        var posts = (await db.Posts.Select(p => new { p.Id, p.Title }).ToListAsync()).Select(p => $"{p.Id}:{p.Title}").ToHashSet(StringComparer.Ordinal);
        var lost = acked.Count(a => !(a.Kind switch { "concern" => concerns, "post" => posts, _ => batches }).Contains(a.Key));
        string integrity;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            integrity = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "?";
        }
        else
        {
            // Every table read end to end (a damaged page or index fails the read).
            integrity = "ok";
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM (SELECT * FROM \"{table}\" ORDER BY 1) t";
                try
                {
                    await command.ExecuteScalarAsync();
                }
                catch (NpgsqlException e)
                {
                    integrity = $"{table}: {e.Message}";
                }
            }
        }

        return (lost, integrity);
    }

    /// <summary>Per table: row count and a SHA-256 over the sorted rows.</summary>
    private static async Task<Dictionary<string, string>> ChecksumsAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            // The backup and restore verbs audit themselves, on the source and on the copy respectively.
            command.CommandText = table == "audit_entries" ? $"SELECT * FROM \"{table}\" WHERE \"Action\" NOT IN ('backup', 'restore')" : $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            sums[table] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))}";
        }

        return sums;
    }

    private static async Task<string> VaultAsync(DatabaseOptions options)
    {
        await using var app = Host(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<ContactVault>();
        var sealedContacts = await db.Concerns.Where(c => c.ContactProtected != null).Select(c => c.ContactProtected!).Take(200).ToListAsync();
        var opened = sealedContacts.Count(c =>
        {
            try
            {
                return vault.Unprotect(c).Email?.EndsWith("@example.vn", StringComparison.Ordinal) == true;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return false;
            }
        });
        return sealedContacts.Count > 0 && opened == sealedContacts.Count ? $"all {opened} of {sealedContacts.Count} sampled" : $"{opened} of {sealedContacts.Count} sampled";
    }

    private static async Task<bool> SignInAsync(string url)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var page = await http.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) == false;
    }

    /// <summary>The drill's editor: one signed-in session (its cookie outlives the kills: keys are in the database).</summary>
    private sealed class Editor : IDisposable
    {
        private readonly HttpClient http;
        private readonly long unitId;
        private string token = string.Empty;

        private Editor(HttpClient http, long unitId)
        {
            this.http = http;
            this.unitId = unitId;
        }

        public static async Task<Editor> SignInAsync(string url, Setup setup)
        {
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 100, ConnectTimeout = TimeSpan.FromSeconds(2) };
            var editor = new Editor(new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) }, setup.CommuneId);
            var page = await editor.http.GetStringAsync("/Account/Login");
            using var response = await editor.http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value),
            }));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException($"The drill's editor could not sign in ({(int)response.StatusCode}).");
            }

            await editor.RefreshTokenAsync();
            return editor;
        }

        private async Task RefreshTokenAsync()
        {
            var page = await http.GetStringAsync("/Publish/Posts/Create");
            token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        }

        public async Task DraftAsync(Ledger ledger, long n)
        {
            Interlocked.Increment(ref ledger.Sent);
            var title = $"Bản nháp thử độ bền {n} {Guid.NewGuid():N}";
            try
            {
                using var form = new MultipartFormDataContent
                {
                    { new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "UnitId" },
                    { new StringContent(title), "Title" },
                    { new StringContent($"Thông báo lịch cắt điện khu vực phường Hòa Khánh, bản {n}: từ 7 giờ đến 11 giờ sáng thứ Bảy."), "Body" },
                    { new StringContent(Volatile.Read(ref token)), "__RequestVerificationToken" },
                };
                using var response = await http.PostAsync("/Publish/Posts/Create", form, CancellationToken.None);
                var id = PostIdPattern().Match(response.Headers.Location?.ToString() ?? string.Empty);
                if (response.StatusCode == HttpStatusCode.Redirect && id.Success)
                {
                    ledger.Ack("post", $"{id.Groups[1].Value}:{title}");
                    return;
                }

                ledger.Fail((int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                ledger.Fail();
                return;
            }

            try
            {
                // A refused antiforgery token (400) is fetched again for the next drafts.
                await RefreshTokenAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }
        }

        public void Dispose() => http.Dispose();
    }

    [GeneratedRegex(@"^/Publish/Posts/Details\?id=([0-9]+)$")]
    private static partial Regex PostIdPattern();

    [GeneratedRegex("\"token\"\\s*:\\s*\"([0-9a-f]{64})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
