using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DuLuan.Bench.Foundation;

/// <summary>
/// Real child processes: time from Process.Start to the first 200 on /health, and VmRSS 2 s after
/// start, for `duluan serve` on a migrated database and for the bare app, interleaved.
/// </summary>
internal static class StartupBenchmark
{
    private static readonly TimeSpan RssAt = TimeSpan.FromSeconds(2);

    private sealed record Sample(double Milliseconds, double CpuMilliseconds, double RssMegabytes);

    public static int Run(int runs, string? duluanPath = null)
    {
        var root = FoundationBenchmarks.RepositoryRoot();
        var duluan = duluanPath ?? Path.Combine(root, "src/DuLuan/bin/Release/net10.0/duluan");
        if (!File.Exists(duluan))
        {
            Console.Error.WriteLine($"{duluan} is missing: run `dotnet build -c Release src/DuLuan` first (or pass --duluan PATH).");
            return 1;
        }

        var bench = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var data = Path.Combine(Path.GetTempPath(), "duluan-bench-startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            using (var migrate = Process.Start(new ProcessStartInfo(duluan, ["migrate", "--data", data]) { RedirectStandardOutput = true })!)
            {
                migrate.StandardOutput.ReadToEnd();
                migrate.WaitForExit();
                if (migrate.ExitCode != 0)
                {
                    Console.Error.WriteLine("duluan migrate failed.");
                    return 1;
                }
            }

            // One unmeasured start of each warms the disk cache, as on a server that has run before.
            Measure(duluan, port => ["serve", "--data", data, "--urls", Url(port)]);
            Measure(bench, port => ["foundation", "bare-health", "--urls", Url(port)]);
            var app = new List<Sample>();
            var bare = new List<Sample>();
            for (var i = 0; i < runs; i++)
            {
                app.Add(Measure(duluan, port => ["serve", "--data", data, "--urls", Url(port)]));
                bare.Add(Measure(bench, port => ["foundation", "bare-health", "--urls", Url(port)]));
            }

            Print(runs, app, bare);
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Print(int runs, List<Sample> app, List<Sample> bare)
    {
        double Ms(List<Sample> s) => Stats.Median(s.Select(x => x.Milliseconds).ToList());
        double Mb(List<Sample> s) => Stats.Median(s.Select(x => x.RssMegabytes).ToList());
        double Cpu(List<Sample> s) => Stats.Median(s.Select(x => x.CpuMilliseconds).ToList());
        Console.WriteLine($"Start-up, median of {runs} runs (Release, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end)");
        Stats.PrintTable(
            ["app", "to first 200 on /health (ms)", "ratio", "CPU time to first 200 (ms)", "ratio", "VmRSS at 2 s (MB)", "ratio"],
            [
                ["bare ASP.NET Core (baseline)", Stats.F(Ms(bare), "0"), "1.00", Stats.F(Cpu(bare), "0"), "1.00", Stats.F(Mb(bare), "0.0"), "1.00"],
                ["duluan serve", Stats.F(Ms(app), "0"), Stats.F(Ms(app) / Ms(bare)), Stats.F(Cpu(app), "0"), Stats.F(Cpu(app) / Cpu(bare)), Stats.F(Mb(app), "0.0"), Stats.F(Mb(app) / Mb(bare))],
            ]);
        Console.WriteLine();
        Console.WriteLine("all runs, duluan ms: " + string.Join(", ", app.Select(s => Stats.F(s.Milliseconds, "0"))) + "; bare ms: " + string.Join(", ", bare.Select(s => Stats.F(s.Milliseconds, "0"))));
        Console.WriteLine($"goal: start-up under 2000 ms: {(Ms(app) < 2000 ? "met" : "NOT met")}; memory under 150 MB: {(Mb(app) < 150 ? "met" : "NOT met")}");
    }

    private static Sample Measure(string executable, Func<int, string[]> arguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable, arguments(port))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var health = new Uri(Url(port) + "/health");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + executable);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            double? ready = null;
            double cpu = 0;
            while (ready is null)
            {
                if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"{Path.GetFileName(executable)} never answered /health (exit code {(process.HasExited ? process.ExitCode : -1)}).");
                }

                try
                {
                    using var response = http.GetAsync(health).GetAwaiter().GetResult();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ready = clock.Elapsed.TotalMilliseconds;
                        cpu = CpuMilliseconds(process.Id);
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Thread.Sleep(5);
            }

            var wait = RssAt - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            return new Sample(ready.Value, cpu, RssMegabytes(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>User + system CPU time so far: on a shared, loaded machine it moves far less than wall time.</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux.
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    private static string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
