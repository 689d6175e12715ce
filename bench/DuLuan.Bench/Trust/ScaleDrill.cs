using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Data;
using Npgsql;

namespace DuLuan.Bench.Trust;

/// <summary>
/// Scale-out: 3 `duluan serve` instances started at once on one fresh PostgreSQL database (so also one fresh Data
/// Protection key ring), behind nginx round-robin on loopback.
///   trust scale [--seconds 30] [--clients 32] [--out file]
/// 1. throughput of survey submissions through nginx with 1, 2 and 3 instances (closed loop, --clients at once);
/// 2. a cookie issued by one instance used on each instance directly;
/// 3. a mixed run through nginx (paced writes with a ledger, signed-in staff sessions) during which one instance is
///    killed with SIGKILL: acknowledged writes lost, staff requests that lost their session, feeds fetched twice.
/// The drill's load comes from one address, so the rate limits are raised for it (as in the crash drill).
/// </summary>
public static partial class ScaleDrill
{
    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var seconds = double.Parse(Arg("--seconds", "30"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg("--clients", "32"), CultureInfo.InvariantCulture);
        var report = Arg("--out", string.Empty);
        var figures = new List<(string Area, string Goal, string Measured, bool Met)>();
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        var work = Directory.CreateTempSubdirectory("duluan-scale-");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work.FullName, (UnixFileMode)0b111_111_111);
        }

        var servers = new List<LoadDrill.Server>();
        try
        {
            if (nginx is null)
            {
                figures.Add(("scale-out", "3 instances behind nginx", "not run: nginx is not installed (scripts/trust.sh installs it with apt)", false));
                return 1;
            }

            await using var feeds = await LoadDrill.FeedServer.StartAsync();
            var options = await CrashDrill.CreateDatabaseAsync(DatabaseProvider.Postgres, work.FullName, "scale");
            var setup = await CrashDrill.SetUpAsync(options);
            var emails = await LoadDrill.AddStaffAndFeedsAsync(options, 20, feeds.Url, feedCount: 12);
            var environment = new Dictionary<string, string>
            {
                ["RateLimits__RequestsPerMinute"] = "10000000",
                ["RateLimits__SignInPerMinute"] = "10000",
                ["Surveys__SubmissionsPerMinute"] = "10000000",
                ["Open311__PostsPerHour"] = "100000000",
            };

            // All three at once on an empty key ring: the worst case for shared Data Protection keys.
            for (var i = 0; i < 3; i++)
            {
                servers.Add(LoadDrill.Server.Start(options, work.FullName, environment: environment));
            }

            var startClock = Stopwatch.StartNew();
            await Task.WhenAll(servers.Select(s => CrashDrill.WaitHealthyAsync(s.Url, TimeSpan.FromSeconds(180))));
            Console.WriteLine($"== scale-out: 3 instances healthy in {startClock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", servers.Select(s => s.Url))}), nginx {nginx}, load average {LoadDrill.LoadAverage()}");

            // 1. Throughput with 1, 2 and 3 instances.
            var throughput = new List<(int Instances, double PerSecond, double P95, string Statuses, string Load)>();
            for (var n = 1; n <= 3; n++)
            {
                await using var proxy = await Nginx.StartAsync(nginx, work.FullName, $"p{n}", servers.Take(n).Select(s => s.Url));
                using var http = LoadDrill.Residents(proxy.Url);
                var recorder = new LoadDrill.Recorder();
                var ledger = new CrashDrill.Ledger();
                for (var w = 0; w < 20; w++)
                {
                    await LoadDrill.SubmitAsync(http, setup, ledger, new LoadDrill.Recorder(), w); // warm-up
                }

                var clock = Stopwatch.StartNew();
                long counter = 0;
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
                {
                    while (clock.Elapsed.TotalSeconds < seconds)
                    {
                        await LoadDrill.SubmitAsync(http, setup, ledger, recorder, Interlocked.Increment(ref counter));
                    }
                }));
                var ok = recorder.Count(s => s is >= 200 and < 300);
                throughput.Add((n, ok / clock.Elapsed.TotalSeconds, recorder.P95(), recorder.Statuses(), LoadDrill.LoadAverage()));
                Console.WriteLine($"{n} instance(s): {ok / clock.Elapsed.TotalSeconds:F0} acknowledged submissions/s, {recorder.Summary()}, load average {LoadDrill.LoadAverage()}");
            }

            var one = Math.Max(1, throughput[0].PerSecond);
            figures.Add(("scale-out", $"survey submissions/s through nginx with 1, 2, 3 instances ({clients} clients; 2 shared cores: overhead, not speed-up)",
                string.Join("; ", throughput.Select(t => $"{t.Instances}: {t.PerSecond:F0}/s ({t.PerSecond / one:F2}× one), p95 {t.P95:F0} ms [{t.Statuses}], load {t.Load}")),
                throughput.All(t => t.PerSecond > 0)));

            // 2. A cookie from one instance works on each of the others.
            await using (var proxy = await Nginx.StartAsync(nginx, work.FullName, "cookie", servers.Select(s => s.Url)))
            {
                var accepted = 0;
                for (var signIn = 0; signIn < 3; signIn++)
                {
                    using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
                    using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
                    if (!await SignInAsync(http, proxy.Url, emails[signIn]))
                    {
                        continue;
                    }

                    foreach (var server in servers)
                    {
                        using var response = await http.GetAsync(server.Url + "/Cases/Queue");
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            accepted++;
                        }
                    }
                }

                figures.Add(("scale-out", "a session cookie from one instance accepted by every instance (3 sign-ins × 3 instances, started together on an empty key ring)", $"{accepted} of 9", accepted == 9));
            }

            // 3. Kill one instance mid-run.
            await using (var proxy = await Nginx.StartAsync(nginx, work.FullName, "kill", servers.Select(s => s.Url)))
            {
                using var http = LoadDrill.Residents(proxy.Url);
                var ledger = new CrashDrill.Ledger();
                var writes = new LoadDrill.Recorder();
                var run = TimeSpan.FromSeconds(Math.Max(40, seconds));
                var staffTask = LoadDrill.StaffAsync(proxy.Url, setup, emails, 20, run, think: 1);
                var writeTask = LoadDrill.PacedAsync(run, 50, n => LoadDrill.SubmitAsync(http, setup, ledger, writes, n), progress: null);
                await Task.Delay(run / 3);
                servers[1].Kill();
                Console.WriteLine($"killed {servers[1].Url} at {run.TotalSeconds / 3:F0} s");
                await writeTask;
                var staff = await staffTask;
                await Task.Delay(1000);
                var (lost, integrity) = await CrashDrill.VerifyAsync(options, ledger.Snapshot());
                var notAcked = writes.Count(s => s is < 200 or >= 300);
                Console.WriteLine($"kill run: writes {writes.Summary()}; staff {staff.Recorder.Summary()}; lost {lost}; integrity {integrity}");
                figures.Add(("scale-out", "acknowledged writes lost when one of 3 instances is killed mid-run", $"{lost} of {ledger.Count:N0} ({notAcked} writes not acknowledged: {writes.Statuses()}); integrity {integrity}; load average {LoadDrill.LoadAverage()}", lost == 0 && integrity == "ok"));
                figures.Add(("scale-out", "staff sessions survive on the other instances (20 sessions through nginx)", $"{staff.SignedIn} signed in; {staff.Recorder.Count(s => s == 200):N0} of {staff.Recorder.Total:N0} pages 200, {staff.Recorder.Count(s => s is 301 or 302)} sent back to sign-in, other: {staff.Recorder.Statuses()}", staff.SignedIn == 20 && staff.Recorder.Count(s => s != 200) == 0));
            }

            // No job ran twice: every feed is due every 5 minutes at the soonest, so two fetches of one feed within 4 minutes
            // mean two instances fetched it (the lease failed). Publishing and the alert digest are covered by tests.
            var doubled = feeds.Fetches.GroupBy(f => f.Feed).Count(g => g.OrderBy(f => f.At).Zip(g.OrderBy(f => f.At).Skip(1)).Any(p => (p.Second.At - p.First.At).TotalMinutes < 4));
            var fetched = feeds.Fetches.Select(f => f.Feed).Distinct().Count();
            figures.Add(("scale-out", "no job runs twice: feeds fetched twice by two instances (12 feeds, 3 instances, one killed)", $"{doubled} of {fetched} feeds fetched twice ({feeds.Fetches.Count} fetches)", doubled == 0 && fetched > 0));
            var errors = servers.Sum(s => s.Errors);
            figures.Add(("scale-out", "errors logged by the instances", $"{errors} (first: {servers.Select(s => s.FirstError).FirstOrDefault(e => e is not null) ?? "none"})", errors == 0));
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Stop();
            }

            foreach (var (area, goal, measured, met) in figures)
            {
                Console.WriteLine($"{area}\t{goal}\t{measured}\t{(met ? "met" : "NOT met")}");
                if (report.Length > 0)
                {
                    await File.AppendAllTextAsync(report, string.Join('\t', area, goal, measured, met ? "met" : "NOT met") + "\n");
                }
            }

            NpgsqlConnection.ClearAllPools();
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        return figures.Count > 0 && figures.All(f => f.Met) ? 0 : 1;
    }

    private static async Task<bool> SignInAsync(HttpClient http, string url, string email)
    {
        var page = await http.GetStringAsync(url + "/Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryPattern().Match(page).Groups[1].Value);
        using var response = await http.PostAsync(url + "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "mot cau rat dai de nho 42",
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) == false;
    }

    /// <summary>nginx in the foreground with a config of its own: round-robin over the given upstreams on a free loopback port.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process process;

        private Nginx(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Nginx> StartAsync(string binary, string work, string name, IEnumerable<string> upstreams)
        {
            var dir = Path.Combine(work, "nginx-" + name);
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
            }

            int port;
            using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var servers = string.Concat(upstreams.Select(u => $"    server {new Uri(u).Authority} max_fails=1 fail_timeout=30s;\n"));
            var config = $$"""
            {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
            worker_processes 1;
            daemon off;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 2048; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
              upstream duluan {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 12m;
                location / {
                  proxy_pass http://duluan;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout;
                  proxy_connect_timeout 2s;
                  proxy_read_timeout 60s;
                }
              }
            }
            """;
            var file = Path.Combine(dir, "nginx.conf");
            await File.WriteAllTextAsync(file, config);
            var info = new ProcessStartInfo(binary, ["-c", file, "-p", dir]) { RedirectStandardError = true, RedirectStandardOutput = true };
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine("nginx: " + e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var url = $"http://127.0.0.1:{port}";
            await CrashDrill.WaitHealthyAsync(url, TimeSpan.FromSeconds(30));
            return new Nginx(process, url);
        }

        public async ValueTask DisposeAsync()
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
