using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Features.Monitoring;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DuLuan.Bench.Trust;

/// <summary>
/// Load and soak against a real `duluan serve` process with the production rate limits, feed ingest running
/// (a loopback feed server that publishes new items on every poll) and residents spread over many client
/// addresses (X-Forwarded-For from loopback, as behind the documented proxy).
///   trust load [--provider postgres|sqlite] [--minutes 15] [--rate 30] [--burst 10] [--burst-seconds 60]
///              [--staff 200] [--staff-seconds 120] [--think 5] [--out file]
///     survey responses paced open-loop at --rate/s for --minutes, then --burst × the rate for --burst-seconds
///     (p95 under 500 ms, only 429s refused during the burst, 0 acknowledged responses lost); then --staff signed-in
///     sessions on the cases queue, monitoring search and survey results, each waiting about --think s between
///     pages (p95 under 1 s).
///   trust soak [--provider ...] [--minutes 120] [--rate 10] [--staff 20] [--samples file] [--out file]
///     steady traffic plus feed ingest; the server's resident memory sampled every 30 s: growth from the
///     warm-up median (minutes 5–10) to the median of the last 5 minutes (goal under 10%; a drop is not growth,
///     see SoakMemory); errors logged
///     (goal 0) and 5xx answered (goal 0).
/// </summary>
public static partial class LoadDrill
{
    private const string Password = "mot cau rat dai de nho 42";

    private static readonly string[] Places = ["Hòa Khánh", "Liên Chiểu", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang"];

    private static readonly string[] Subjects = ["ngập nước", "sạt lở", "đèn đường hỏng", "rác thải", "giá xăng", "cầu đi bộ", "học phí", "bệnh viện quá tải", "kẹt xe", "mất điện"];

    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        double Num(string name, double fallback) => double.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var soak = args.ElementAtOrDefault(1) == "soak";
        var provider = Arg("--provider", "postgres") == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var report = Arg("--out", string.Empty);
        var work = Directory.CreateTempSubdirectory("duluan-load-");
        var figures = new List<(string Area, string Goal, string Measured, bool Met)>();
        await using var feeds = await FeedServer.StartAsync();
        Server? server = null;
        try
        {
            var options = await CrashDrill.CreateDatabaseAsync(provider, work.FullName, soak ? "soak" : "load");
            var setup = await CrashDrill.SetUpAsync(options);
            var staffCount = (int)Num("--staff", soak ? 20 : 200);
            var emails = await AddStaffAndFeedsAsync(options, Math.Min(staffCount, 20), feeds.Url, feedCount: 12);
            server = Server.Start(options, work.FullName);
            await CrashDrill.WaitHealthyAsync(server.Url, TimeSpan.FromSeconds(120));
            Console.WriteLine($"== {(soak ? "soak" : "load")} on {provider}: server {server.Url}, feeds {feeds.Url}, load average {LoadAverage()}");
            if (soak)
            {
                await SoakAsync(server, setup, emails, Num("--minutes", 120), Num("--rate", 10), staffCount, Arg("--samples", Path.Combine(work.FullName, "samples.tsv")), feeds, provider, figures);
            }
            else
            {
                await LoadAsync(server, options, setup, emails, Num("--minutes", 15), Num("--rate", 30), Num("--burst", 10), Num("--burst-seconds", 60), staffCount, Num("--staff-seconds", 120), Num("--think", 5), feeds, provider, figures);
            }
        }
        finally
        {
            server?.Stop();
            foreach (var (area, goal, measured, met) in figures)
            {
                Console.WriteLine($"{area}\t{goal}\t{measured}\t{(met ? "met" : "NOT met")}");
                if (report.Length > 0)
                {
                    await File.AppendAllTextAsync(report, string.Join('\t', area, goal, measured, met ? "met" : "NOT met") + "\n");
                }
            }

            NpgsqlConnection.ClearAllPools();
            try { work.Delete(recursive: true); } catch (IOException) { }
        }

        return figures.Count > 0 && figures.All(f => f.Met) ? 0 : 1;
    }

    private static async Task LoadAsync(Server server, DatabaseOptions options, CrashDrill.Setup setup, List<string> emails, double minutes, double rate, double burst, double burstSeconds, int staffCount, double staffSeconds, double think, FeedServer feeds, DatabaseProvider provider, List<(string, string, string, bool)> figures)
    {
        var ledger = new CrashDrill.Ledger();
        using var http = Residents(server.Url);

        // Baseline: one resident at a time on the idle server.
        var idle = new Recorder();
        for (var i = 0; i < 50; i++)
        {
            await SubmitAsync(http, setup, ledger, idle, i);
        }

        var idleP95 = idle.P95();
        Console.WriteLine($"idle baseline: p95 {idleP95:F0} ms over 50 sequential submissions");

        var steady = new Recorder();
        var load1 = LoadAverage();
        await PacedAsync(TimeSpan.FromMinutes(minutes), rate, n => SubmitAsync(http, setup, ledger, steady, n), progress: s => Console.WriteLine($"  {s / 60:F0} min: {steady.Summary()}, load average {LoadAverage()}"));
        var load2 = LoadAverage();
        var burstRecorder = new Recorder();
        await PacedAsync(TimeSpan.FromSeconds(burstSeconds), rate * burst, n => SubmitAsync(http, setup, ledger, burstRecorder, 1_000_000 + n), progress: null);
        var load3 = LoadAverage();
        await Task.Delay(2000);
        var (lost, integrity) = await CrashDrill.VerifyAsync(options, ledger.Snapshot());
        Console.WriteLine($"steady {rate}/s for {minutes} min: {steady.Summary()}; burst {rate * burst}/s for {burstSeconds} s: {burstRecorder.Summary()}; lost {lost} of {ledger.Count}; feeds served {feeds.Requests}");

        var steadyErrors = steady.Count(s => s is < 200 or >= 300);
        figures.Add(("load", $"{rate:F0} survey responses/s for {minutes:F0} min: p95 under 500 ms, no refusals ({provider})",
            $"p95 {steady.P95():F0} ms ({steady.P95() / Math.Max(1, idleP95):F1}× idle {idleP95:F0} ms), {steady.Total:N0} sent, {steadyErrors} refused ({steady.Statuses()}); load average {load1} → {load2}",
            steady.P95() < 500 && steadyErrors == 0));
        var burstOther = burstRecorder.Count(s => s is (< 200 or >= 300) and not 429);
        figures.Add(("load", $"burst {rate * burst:F0}/s for {burstSeconds:F0} s: only 429s refused, p95 under 500 ms ({provider})",
            $"p95 {burstRecorder.P95():F0} ms, {burstRecorder.Total:N0} sent, {burstRecorder.Count(s => s == 429)} × 429, {burstOther} other refusals ({burstRecorder.Statuses()}); achieved {burstRecorder.Total / burstSeconds:F0}/s; load average {load3}",
            burstOther == 0 && burstRecorder.P95() < 500));
        figures.Add(("load", $"acknowledged survey responses lost ({provider})", $"{lost} of {ledger.Count:N0}; integrity {integrity}", lost == 0 && integrity == "ok"));

        // Staff: signed-in sessions on the cases queue, monitoring search and survey results.
        var staff = await StaffAsync(server.Url, setup, emails, staffCount, TimeSpan.FromSeconds(staffSeconds), think);
        figures.Add(("load", $"{staffCount} concurrent staff sessions (cases queue, monitoring search, survey results with {ledger.Count:N0} responses, ~{think:F0} s between pages): p95 under 1 s ({provider})",
            $"p95 {staff.Recorder.P95():F0} ms over {staff.Recorder.Total:N0} pages ({staff.Recorder.Total / staffSeconds:F0}/s), {staff.Recorder.Count(s => s != 200)} not 200 ({staff.Recorder.Statuses()}); {staff.SignedIn} sessions signed in; per page p95 {staff.PerPage}; load average {LoadAverage()}",
            staff.Recorder.P95() < 1000 && staff.SignedIn == staffCount && staff.Recorder.Count(s => s != 200) == 0));
        figures.Add(("load", $"errors logged by the server during the load run ({provider})", $"{server.Errors} (first: {server.FirstError ?? "none"})", server.Errors == 0));
    }

    private static async Task SoakAsync(Server server, CrashDrill.Setup setup, List<string> emails, double minutes, double rate, int staffCount, string samplesPath, FeedServer feeds, DatabaseProvider provider, List<(string, string, string, bool)> figures)
    {
        var ledger = new CrashDrill.Ledger();
        using var http = Residents(server.Url);
        var residents = new Recorder();
        var duration = TimeSpan.FromMinutes(minutes);
        var samples = new List<(double Minute, long Rss)>();
        await File.WriteAllTextAsync(samplesPath, "minute\trss_kb\tresponses\tstaff_pages\tfeed_polls\tarticles\terrors\tload\n");
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var rss = server.ResidentKilobytes();
                var minute = clock.Elapsed.TotalMinutes;
                lock (samples)
                {
                    samples.Add((minute, rss));
                }

                await File.AppendAllTextAsync(samplesPath, string.Join('\t', minute.ToString("F1", CultureInfo.InvariantCulture), rss, residents.Total, 0, feeds.Requests, feeds.Items, server.Errors, LoadAverage()) + "\n");
                try { await Task.Delay(TimeSpan.FromSeconds(30), stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var staffTask = StaffAsync(server.Url, setup, emails, staffCount, duration, think: 5);
        await PacedAsync(duration, rate, n => SubmitAsync(http, setup, ledger, residents, n),
            progress: s => Console.WriteLine($"  {s / 60:F0} min: rss {server.ResidentKilobytes() / 1024:N0} MB, residents {residents.Summary()}, feed polls {feeds.Requests}, errors logged {server.Errors}, load average {LoadAverage()}"),
            progressSeconds: 300);
        var staff = await staffTask;
        await stop.CancelAsync();
        await sampler;
        var measured = clock.Elapsed.TotalMinutes;

        var memory = SoakMemory.From(samples, measured, minutes);
        var fiveXx = residents.Count(s => s >= 500) + staff.Recorder.Count(s => s >= 500);
        Console.WriteLine($"soak {measured:F0} min: {memory.Measured()}; residents {residents.Summary()}; staff {staff.Recorder.Summary()}; feed polls {feeds.Requests}, items published {feeds.Items}; errors logged {server.Errors}");
        figures.Add(("soak", memory.Goal(provider.ToString()),
            $"{memory.Measured()}; {residents.Total:N0} responses, {staff.Recorder.Total:N0} staff pages, {feeds.Requests:N0} feed polls; load average {LoadAverage()}",
            memory.Met));
        figures.Add(("soak", $"unhandled exceptions and 5xx during the soak ({provider})", $"{server.Errors} errors logged, {fiveXx} 5xx over {measured:F0} min (first: {server.FirstError ?? "none"})", server.Errors == 0 && fiveXx == 0));
    }

    internal static HttpClient Residents(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A resident's submission from one of 5,000 addresses; only a 2xx counts as acknowledged.</summary>
    internal static async Task SubmitAsync(HttpClient http, CrashDrill.Setup setup, CrashDrill.Ledger ledger, Recorder recorder, long n)
    {
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/surveys/{setup.SurveyId}/responses")
        {
            Content = JsonContent.Create(new { idempotencyKey = key, responses = new[] { new { version = 1, answers = new Dictionary<string, object> { ["q"] = n % 3 == 0 ? "no" : "yes" } } } }),
        };
        request.Headers.Add("X-Forwarded-For", $"10.{n % 5000 / 250}.{n % 250}.{(n % 7) + 1}");
        var watch = Stopwatch.StartNew();
        int status;
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                ledger.Ack("survey", DuLuan.Features.Surveys.ResponseIntake.KeyHash(setup.SurveyId, key)); // stored as its hash
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        recorder.Add(status, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Open loop: starts <paramref name="rate"/> calls a second whatever the answers' latency.</summary>
    internal static async Task PacedAsync(TimeSpan duration, double rate, Func<long, Task> call, Action<double>? progress, double progressSeconds = 60)
    {
        var pending = new ConcurrentDictionary<long, Task>();
        var clock = Stopwatch.StartNew();
        long n = 0;
        var nextProgress = progressSeconds;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (n < due)
            {
                var id = n++;
                var task = Task.Run(() => call(id));
                pending[id] = task;
                _ = task.ContinueWith(_ => pending.TryRemove(id, out Task? _), TaskScheduler.Default);
            }

            if (progress is not null && clock.Elapsed.TotalSeconds >= nextProgress)
            {
                progress(clock.Elapsed.TotalSeconds);
                nextProgress += progressSeconds;
            }

            await Task.Delay(5);
        }

        await Task.WhenAll(pending.Values);
    }

    internal sealed record StaffResult(Recorder Recorder, int SignedIn, string PerPage);

    internal static async Task<StaffResult> StaffAsync(string url, CrashDrill.Setup setup, List<string> emails, int sessions, TimeSpan duration, double think)
    {
        var recorder = new Recorder();
        var pages = new ConcurrentDictionary<string, Recorder>();
        var signedIn = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
        {
            var address = $"172.16.{s / 250}.{(s % 250) + 1}";
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            var random = new Random(s);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, (int)(think * 1000) + 1)));
            try
            {
                var login = await http.GetStringAsync("/Account/Login");
                var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(login).Groups[1].Value);
                using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = emails[s % emails.Count],
                    ["Input.Password"] = Password,
                    ["__RequestVerificationToken"] = token,
                }));
                if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) != false)
                {
                    return;
                }

                Interlocked.Increment(ref signedIn);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return;
            }

            var n = 0;
            while (clock.Elapsed < duration)
            {
                var (name, path) = (n++ % 3) switch
                {
                    0 => ("cases queue", "/Cases/Queue"),
                    1 => ("monitoring search", "/Monitoring/Search?q=" + Uri.EscapeDataString(Subjects[random.Next(Subjects.Length)])),
                    _ => ("survey results", $"/Surveys/Results?id={setup.SurveyId}"),
                };
                var watch = Stopwatch.StartNew();
                int status;
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                }

                recorder.Add(status, watch.Elapsed.TotalMilliseconds);
                pages.GetOrAdd(name, _ => new Recorder()).Add(status, watch.Elapsed.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromMilliseconds(think * 1000 * (0.5 + random.NextDouble())));
            }
        }));
        return new StaffResult(recorder, signedIn, string.Join(", ", pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.P95():F0} ms")));
    }

    /// <summary>Editors at the drill's commune (sign-in targets) and loopback feeds the scheduler polls every minute.</summary>
    internal static async Task<List<string>> AddStaffAndFeedsAsync(DatabaseOptions options, int members, string feedUrl, int feedCount)
    {
        await using var app = WebHost.Build(new WebHostSettings(options, ["http://127.0.0.1:0"]) { Overrides = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Monitoring:SchedulerSeconds"] = "0", ["Monitoring:AlertMinutes"] = "0" } });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var commune = await db.Units.Where(u => u.Code == "20200").Select(u => u.Id).SingleAsync();
        var emails = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var email = $"can-bo-{i}@load.example.vn";
            var member = new Member { UserName = email, Email = email, DisplayName = $"Cán bộ thử tải {i}", EmailConfirmed = true };
            var created = await users.CreateAsync(member, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = commune, Role = Role.Editor });
            emails.Add(email);
        }

        for (var i = 0; i < feedCount; i++)
        {
            db.Feeds.Add(new Feed { UnitId = commune, Url = $"{feedUrl}/feed/{i}.xml", Name = $"Báo thử tải {i}", Outlet = $"Báo thử tải {i}", PollMinutes = 1, CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
        return emails;
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    internal sealed class Recorder
    {
        private readonly Lock gate = new();
        private readonly List<double> latencies = [];
        private readonly Dictionary<int, int> statuses = [];

        public int Total { get { lock (gate) { return latencies.Count; } } }

        public void Add(int status, double milliseconds)
        {
            lock (gate)
            {
                latencies.Add(milliseconds);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }

        public int Count(Func<int, bool> which)
        {
            lock (gate)
            {
                return statuses.Where(s => which(s.Key)).Sum(s => s.Value);
            }
        }

        public double Percentile(double p)
        {
            lock (gate)
            {
                if (latencies.Count == 0)
                {
                    return 0;
                }

                var sorted = latencies.Order().ToList();
                return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            }
        }

        public double P95() => Percentile(0.95);

        public string Statuses()
        {
            lock (gate)
            {
                return string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value:N0}"));
            }
        }

        public string Summary() => $"{Total:N0} requests, p50 {Percentile(0.5):F0} ms, p95 {P95():F0} ms, p99 {Percentile(0.99):F0} ms [{Statuses()}]";
    }

    /// <summary>A `duluan serve` process with the production rate limits; counts the errors it logs.</summary>
    internal sealed class Server
    {
        private readonly Process process;
        private int errors;

        private Server(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public int Errors => errors;

        public string? FirstError { get; private set; }

        public int Pid => process.Id;

        public static Server Start(DatabaseOptions options, string work, string? url = null, IDictionary<string, string>? environment = null)
        {
            url ??= $"http://127.0.0.1:{FreePort()}";
            var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), "serve", "--urls", url, .. options.Provider == DatabaseProvider.Sqlite ? new[] { "--data", options.DataDirectory } : []])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            if (options.Provider == DatabaseProvider.Postgres)
            {
                info.Environment["DULUAN_Database__Provider"] = "Postgres";
                info.Environment["DULUAN_Database__ConnectionString"] = options.ConnectionString;
            }

            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Monitoring__SchedulerSeconds"] = "10";
            info.Environment["Monitoring__AlertMinutes"] = "5";
            info.Environment["Monitoring__PerHostDelayMilliseconds"] = "200";
            info.Environment["Monitoring__AllowedHosts__0"] = "127.0.0.1";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            var process = Process.Start(info)!;
            var server = new Server(process, url);
            process.OutputDataReceived += (_, e) => server.Line(e.Data);
            process.ErrorDataReceived += (_, e) => server.Line(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        private void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
                || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref errors);
                FirstError ??= line.Length > 400 ? line[..400] : line;
            }
        }

        public long ResidentKilobytes()
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }

        public void Kill()
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }

        public void Stop() => Kill();

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>RSS feeds on loopback; every request publishes new items (stable links for the ones already seen).</summary>
    internal sealed class FeedServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        private long requests;
        private long items;

        private FeedServer(WebApplication app) => this.app = app;

        public string Url { get; private set; } = string.Empty;

        public long Requests => Interlocked.Read(ref requests);

        public long Items => Interlocked.Read(ref items);

        /// <summary>Every fetch: which feed, when (to see a feed fetched twice by two instances).</summary>
        public ConcurrentQueue<(int Feed, DateTime At)> Fetches { get; } = new();

        public static async Task<FeedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new FeedServer(app);
            var counters = new ConcurrentDictionary<int, long>();
            app.MapGet("/feed/{n:int}.xml", (int n) =>
            {
                Interlocked.Increment(ref server.requests);
                server.Fetches.Enqueue((n, DateTime.UtcNow));
                var round = counters.AddOrUpdate(n, 1, (_, r) => r + 1);
                var now = DateTimeOffset.UtcNow;
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Báo thử tải ")
                    .Append(n).Append("</title><link>https://example.vn/</link><language>vi</language>");
                // 20 items: the 5 newest are new on every poll, the rest were seen before.
                for (var i = 0; i < 20; i++)
                {
                    var id = round * 5 - i;
                    if (id <= 0)
                    {
                        break;
                    }

                    var place = Places[(int)((id + n) % Places.Length)];
                    var subject = Subjects[(int)((id * 7 + n) % Subjects.Length)];
                    var title = $"{char.ToUpperInvariant(subject[0])}{subject[1..]} ở {place}, bản tin số {id}";
                    var text = $"Người dân {place} phản ánh tình trạng {subject} kéo dài nhiều ngày; chính quyền phường cho biết đang kiểm tra và sẽ thông tin kết quả xử lý. Bản tin số {id} của báo thử tải {n}.";
                    xml.Append("<item><title>").Append(SecurityElement.Escape(title)).Append("</title><link>https://example.vn/tai/")
                        .Append(n).Append('/').Append(id).Append("</link><description>").Append(SecurityElement.Escape(text))
                        .Append("</description><pubDate>").Append(now.AddMinutes(-i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
                    if (i < 5)
                    {
                        Interlocked.Increment(ref server.items);
                    }
                }

                return Results.Text(xml.Append("</channel></rss>").ToString(), "application/rss+xml; charset=utf-8");
            });
            await app.StartAsync();
            server.Url = app.Urls.First();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
