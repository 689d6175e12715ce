using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Open311;

namespace DuLuan.Bench.Trust;

/// <summary>
/// The disk-full drill: SQLite data on a small filesystem (trust.sh mounts a 64 MB tmpfs), filled to the last byte
/// while writes keep arriving. Writes must fail cleanly (no 200 for data not stored, a Vietnamese message, no stack
/// trace), the database must stay intact, and writing must resume by itself once space returns.
/// usage: trust diskfull --dir DIR [--out file]
/// </summary>
public static partial class DiskFullDrill
{
    public static async Task<int> Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var dir = Arg("--dir", "/tmp/duluan-trust-full");
        var report = Arg("--out", string.Empty);
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = data };
        var setup = await CrashDrill.SetUpAsync(options);
        var ledger = new CrashDrill.Ledger();
        var server = CrashDrill.Serve(options, out var url);
        var figures = new List<(string Goal, string Measured, bool Met)>();
        try
        {
            await CrashDrill.WaitHealthyAsync(url, TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var before = await WriteAsync(http, setup, ledger, 50, "before");

            // Fill the filesystem to the last byte.
            var filler = Path.Combine(dir, "filler");
            await using (var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var chunk = new byte[1 << 16];
                try
                {
                    while (true)
                    {
                        await stream.WriteAsync(chunk);
                    }
                }
                catch (IOException)
                {
                }
            }

            var full = await WriteAsync(http, setup, ledger, 200, "full");
            var health = await http.GetAsync("/health");
            File.Delete(filler);
            var watch = Stopwatch.StartNew();
            var after = await WriteAsync(http, setup, ledger, 50, "after");
            var recovered = watch.Elapsed.TotalSeconds;
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            var (lost, integrity) = await CrashDrill.VerifyAsync(options, ledger.Snapshot());
            Console.WriteLine($"before: {before.Summary}; full: {full.Summary}; health while full {(int)health.StatusCode}; after space returned: {after.Summary} in {recovered:F1} s; lost {lost}; integrity {integrity}");
            figures.Add(("disk full: only clean refusals (503/507, Vietnamese message, no stack trace)", full.Summary, full.Unclean == 0 && full.Refused > 0));
            figures.Add(("disk full: 0 acknowledged writes lost, integrity check ok", $"{lost} lost of {ledger.Count}, integrity {integrity}", lost == 0 && integrity == "ok"));
            figures.Add(("disk full: writes resume by themselves once space returns", $"{after.Accepted} of 50 accepted without a restart", after.Accepted == 50));
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            foreach (var (goal, measured, met) in figures)
            {
                if (report.Length > 0)
                {
                    await File.AppendAllTextAsync(report, string.Join('\t', "disk", goal, measured, met ? "met" : "NOT met") + "\n");
                }
            }
        }

        return figures.Count > 0 && figures.All(f => f.Met) ? 0 : 1;
    }

    private sealed record Outcome(int Accepted, int Refused, int Unclean, string Statuses)
    {
        public string Summary => $"{Accepted} accepted, {Refused} refused ({Statuses}), {Unclean} unclean";
    }

    private static async Task<Outcome> WriteAsync(HttpClient http, CrashDrill.Setup setup, CrashDrill.Ledger ledger, int count, string phase)
    {
        int accepted = 0, refused = 0, unclean = 0;
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = setup.ApiKey,
                ["jurisdiction_id"] = setup.Jurisdiction,
                ["service_code"] = GeoReportRequests.ServiceCode,
                ["description"] = $"Phản ánh lúc đĩa {phase} số {i}: {Guid.NewGuid():N} " + new string('x', 2000),
                ["email"] = $"dia{phase}{i}@example.vn",
            }));
            var body = await response.Content.ReadAsStringAsync();
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            var token = TokenPattern().Match(body);
            if (response.IsSuccessStatusCode && token.Success)
            {
                accepted++;
                ledger.Ack("concern", token.Groups[1].Value);
            }
            else
            {
                refused++;
                if (response.IsSuccessStatusCode || (int)response.StatusCode is not (503 or 507) || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal) || !VietnamesePattern().IsMatch(body))
                {
                    unclean++;
                }
            }
        }

        return new Outcome(accepted, refused, unclean, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
    }

    [GeneratedRegex("\"token\"\\s*:\\s*\"([0-9a-f]{32,64})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]")]
    private static partial Regex VietnamesePattern();
}
