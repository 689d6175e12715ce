using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Bench.Foundation;
using DuLuan.Data;
using DuLuan.Features.Account;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DuLuan.Bench.Pages;

/// <summary>
/// `DuLuan.Bench pages [--provider sqlite|postgres] [--cases N] [--requests R] [--sessions S --seconds T --think K] [--only text] [--sql]
/// [--keep folder|database [--seed-only] [--no-sums]] [--figures-pass] [--no-jobs]`:
/// every GET page of the route table, signed in as a province lead and as a commune editor, and every public page,
/// over real HTTP against the app in process, on data loaded by bulk SQL (see <see cref="PageSeed"/>). For each page:
/// the first load (the first request to it in this process for that user: JIT, query compilation, cold caches) and
/// p50/p95 of R warm requests, with the ratio to /health's p95 measured in the same run (the trivial page).
/// With --sessions, S concurrent clients (half with the lead's cookie, half with the editor's) open the staff pages
/// that answered 200 in turn, waiting about K s between pages, for T s. --sql logs each command, request and job with
/// its time; --no-jobs turns off the jobs that run a pass at start (to see what they cost a first load).
/// </summary>
public static partial class PageBench
{
    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        int Num(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var provider = Arg("--provider", "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var keep = Arg("--keep", string.Empty);
        var work = Directory.CreateTempSubdirectory("duluan-bench-pages-");
        var options = keep.Length > 0 ? await KeptDatabaseAsync(provider, keep) : await DuLuan.Bench.Trust.CrashDrill.CreateDatabaseAsync(provider, work.FullName, "pages");
        try
        {
            var run = new RunSettings(keep.Length > 0, args.Contains("--seed-only"), !args.Contains("--no-sums"), args.Contains("--figures-pass"), args.Contains("--no-jobs"));
            return await RunAsync(options, Num("--cases", 1_000_000), Num("--requests", 10), Num("--sessions", 0), Num("--seconds", 60), Num("--think", 5), Arg("--only", string.Empty), args.Contains("--sql"), run);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (keep.Length == 0)
            {
                await DropAsync(options);
            }

            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<int> RunAsync(DatabaseOptions options, int cases, int requests, int sessions, int seconds, int think, string only, bool sql, RunSettings run)
    {
        var overrides = QuietHostSettings.Create();
        if (sql)
        {
            // With times, to see where a first load goes: each command, each request's start and end, each job's pass.
            overrides["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            overrides["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
            overrides["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ";
        }

        if (run.NoJobs)
        {
            // The jobs that run a pass at start, off: the first load without them beside it.
            overrides["Surveys:RebuildSeconds"] = "0";
            overrides["Bulletins:JobSeconds"] = "0";
            overrides["Reports:JobSeconds"] = "0";
        }

        var app = WebHost.Build(new WebHostSettings(options, ["http://127.0.0.1:0"]) { Overrides = overrides });
        PageSeed.Seeded seed;
        string reference;
        var clock = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var kept = run.Kept ? await PageSeed.ReadAsync(scope.ServiceProvider) : null;
            if (kept is not null)
            {
                seed = kept;
                // A kept database seeded with --no-sums gets them now (once): else every start rebuilds them in the background.
                var counters = run.Sums ? await scope.ServiceProvider.GetRequiredService<DuLuan.Features.Reports.Figures.Sums.ReportSumsBuilder>().EnsureAsync(force: false, CancellationToken.None) : 0;
                Console.WriteLine($"Reused the kept database: {seed.CaseCount:N0} cases on {options.Provider}; report sums built now: {counters:N0}");
            }
            else
            {
                seed = await PageSeed.CreateAsync(scope.ServiceProvider, cases, DateTime.UtcNow);
                var loaded = clock.Elapsed;
                var counters = run.Sums ? await scope.ServiceProvider.GetRequiredService<DuLuan.Features.Reports.Figures.Sums.ReportSumsBuilder>().EnsureAsync(force: true, CancellationToken.None) : 0;
                Console.WriteLine($"Loaded {seed.CaseCount:N0} cases, {PageSeed.Provinces} provinces, {PageSeed.Communes:N0} communes on {options.Provider} in {loaded.TotalSeconds:0} s; report sums ({counters:N0} counters) in {(clock.Elapsed - loaded).TotalSeconds:0} s");
            }

            reference = await PageRoutes.CaseReferenceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), seed.OpenCaseId);
        }

        if (run.FiguresPass)
        {
            await FiguresPassAsync(app.Services);
        }

        if (run.SeedOnly)
        {
            await app.DisposeAsync();
            return 0;
        }

        await app.StartAsync();
        try
        {
            var url = app.Urls.First();
            var (pages, skipped) = PageRoutes.Read(app, seed, reference);
            if (only.Length > 0)
            {
                // Several pages: "--only /cong/48/vu-viec,/Cases,/Reports" keeps the addresses equal to one of them.
                var wanted = only.Split(',', StringSplitOptions.RemoveEmptyEntries);
                pages = pages.Where(p => wanted.Length > 1 ? wanted.Contains(p.Url, StringComparer.Ordinal) : p.Url.Contains(only, StringComparison.Ordinal)).ToList();
            }

            Console.WriteLine($"{pages.Count} GET pages ({pages.Count(p => p.Public)} public); not opened (need a record id the seed does not hold): {string.Join(", ", skipped)}");
            using var anonymous = Client(url, new CookieContainer());
            var lead = new CookieContainer();
            var editor = new CookieContainer();
            // Only staff pages need the sign-ins (a kept database's lead has enrolled TOTP already: ask for public pages only).
            if (pages.Any(p => !p.Public))
            {
                using (var leadClient = Client(url, lead))
                {
                    await SignInLeadAsync(leadClient);
                }

                using var editorClient = Client(url, editor);
                await SignInAsync(editorClient, PageSeed.EditorEmail);
            }

            var baseline = new List<double>();
            var rows = new List<(string[] Cells, double P95)>();
            var slow = new List<string>();
            var staffOk = new List<string>();
            await TimeAsync(anonymous, "/health", requests, baseline);
            var load = LoadDrillAverage();
            foreach (var (who, cookies, list) in new[] { ("lead", lead, pages.Where(p => !p.Public)), ("editor", editor, pages.Where(p => !p.Public)), ("public", null, pages.Where(p => p.Public)) })
            {
                using var http = cookies is null ? anonymous : Client(url, cookies);
                foreach (var page in list)
                {
                    var times = new List<double>();
                    var (status, first) = await TimeAsync(http, page.Url, requests, times);
                    await TimeAsync(anonymous, "/health", 2, baseline);
                    var p95 = times.Count > 0 ? Stats.Percentile(times, 0.95) : 0;
                    rows.Add(([who, page.Url, status.ToString(CultureInfo.InvariantCulture), Stats.F(first, "0"), Stats.F(times.Count > 0 ? Stats.Percentile(times, 0.5) : 0, "0.0"), Stats.F(p95, "0.0")], p95));
                    if (status == 200 && p95 >= 300)
                    {
                        slow.Add($"{who} {page.Url} {p95:0} ms");
                    }

                    if (status == 200 && cookies is not null)
                    {
                        staffOk.Add((cookies == lead ? "L" : "E") + page.Url);
                    }
                }

                if (cookies is not null)
                {
                    http.Dispose();
                }
            }

            var baseP95 = Stats.Percentile(baseline, 0.95);
            Console.WriteLine($"Pages over HTTP, {options.Provider}, {seed.CaseCount:N0} cases, {requests} warm requests each after the first load, {Environment.ProcessorCount} cores; baseline /health p50 {Stats.Median(baseline):0.0} ms, p95 {baseP95:0.0} ms over {baseline.Count} requests spread through the run; load average {load} -> {LoadDrillAverage()}");
            Stats.PrintTable(["who", "page", "status", "first load ms", "p50 ms", "p95 ms", "p95 / health p95"],
                rows.Select(r => r.Cells.Append(Stats.F(r.P95 / baseP95, "0")).ToArray()));
            Console.WriteLine($"pages answering 200 with p95 >= 300 ms: {slow.Count}: {string.Join("; ", slow)}");
            if (sessions > 0)
            {
                await SessionsAsync(url, lead, editor, staffOk, sessions, seconds, think);
            }

            return slow.Count == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Concurrent clients sharing the two staff cookies, each walking the staff pages in turn with think time.</summary>
    private static async Task SessionsAsync(string url, CookieContainer lead, CookieContainer editor, List<string> pages, int sessions, int seconds, int think)
    {
        var all = new ConcurrentBag<double>();
        var byPage = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        using var leadHttp = Client(url, lead, sessions);
        using var editorHttp = Client(url, editor, sessions);
        var load = LoadDrillAverage();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
        {
            var http = s % 2 == 0 ? leadHttp : editorHttp;
            var mine = pages.Where(p => p[0] == (s % 2 == 0 ? 'L' : 'E')).Select(p => p[1..]).ToList();
            var random = new Random(s);
            await Task.Delay(random.Next(0, think * 1000 + 1));
            var n = random.Next(mine.Count);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var page = mine[n++ % mine.Count];
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(page);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }

                all.Add(watch.Elapsed.TotalMilliseconds);
                byPage.GetOrAdd(page, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromMilliseconds(think * 1000 * (0.5 + random.NextDouble())));
            }
        }));
        var worst = byPage.Select(p => (Page: p.Key, P95: Stats.Percentile(p.Value.ToList(), 0.95))).OrderByDescending(p => p.P95).Take(8);
        Console.WriteLine($"{sessions} concurrent staff sessions for {seconds} s (~{think} s between pages): p50 {Stats.Median(all.ToList()):0} ms, p95 {Stats.Percentile(all.ToList(), 0.95):0} ms over {all.Count:N0} pages, {failures} not 200; load average {load} -> {LoadDrillAverage()}");
        Console.WriteLine("slowest pages by p95: " + string.Join(", ", worst.Select(w => $"{w.Page} {w.P95:0} ms")));
    }

    private static HttpClient Client(string url, CookieContainer cookies, int connections = 4)
        => new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>The first request's status and time, then <paramref name="requests"/> more timed into <paramref name="times"/>.</summary>
    private static async Task<(int Status, double First)> TimeAsync(HttpClient http, string path, int requests, List<double> times)
    {
        var first = await GetAsync(http, path);
        for (var i = 0; i < requests; i++)
        {
            times.Add((await GetAsync(http, path)).Ms);
        }

        return (first.Status, first.Ms);
    }

    private static async Task<(int Status, double Ms)> GetAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        _ = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task SignInAsync(HttpClient http, string email)
    {
        var login = await http.GetStringAsync("/Account/Login");
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PageSeed.Password,
            ["__RequestVerificationToken"] = Token(login),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>A lead must use a second factor: enrol TOTP through the real pages, as a new lead does.</summary>
    private static async Task SignInLeadAsync(HttpClient http)
    {
        await SignInAsync(http, PageSeed.LeadEmail);
        var page = await http.GetStringAsync("/Account/EnableAuthenticator");
        var key = Totp.FromBase32(SharedKeyPattern().Match(page).Groups[1].Value);
        using var enrolled = await http.PostAsync("/Account/EnableAuthenticator", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow)),
            ["__RequestVerificationToken"] = Token(page),
        }));
        if (enrolled.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"TOTP enrolment of the lead failed: {(int)enrolled.StatusCode}");
        }
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    private static string LoadDrillAverage() => DuLuan.Bench.Trust.LoadDrill.LoadAverage();

    private static async Task DropAsync(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7]+)</code>")]
    private static partial Regex SharedKeyPattern();
}
