using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Bench.Foundation;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Surveys;
using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Surveys;

/// <summary>
/// `DuLuan.Bench surveys demo-page [requests]`: the demo's survey results page (3,000 responses, raked to unit, sex and
/// age band, trimmed at 5×) over real HTTP, signed in as the demo account: the first load after start, then warm p50/p95;
/// a static file over the same client as baseline; and in process the raked results from the kept totals against the
/// raking over every row (the path the page took before), same run.
/// </summary>
public static partial class DemoResultsBench
{
    public static async Task<int> Run(string[] args)
    {
        var requests = int.TryParse(args.ElementAtOrDefault(2), out var n) && n > 0 ? n : 20;
        var dir = Path.Combine(Path.GetTempPath(), "duluan-bench-demo-results-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return await RunAsync(dir, requests);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<int> RunAsync(string dir, int requests)
    {
        var app = WebHost.Build(new WebHostSettings(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dir }, ["http://127.0.0.1:0"])
        {
            Overrides = QuietHostSettings.Create(),
        });
        DemoSignIn signIn;
        long surveyId;
        var rows = new List<string[]>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            signIn = await DemoSeed.EnsureAsync(scope.ServiceProvider, dir, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var survey = await db.Surveys.AsNoTracking().FirstAsync(s => s.Title == SurveyDemoSeed.Title);
            surveyId = survey.Id;
            var json = await db.SurveyVersions.Where(v => v.SurveyId == surveyId).Select(v => v.DefinitionJson).FirstAsync();
            var definition = SurveyDefinition.Parse(json, out _)!;
            foreach (var (what, rowByRow) in new[] { ("raked results in process, raking and estimates over every row (before)", true), ("raked results in process, kept cell totals (after)", false) })
            {
                var times = new List<double>();
                for (var i = 0; i <= 5; i++)
                {
                    db.ChangeTracker.Clear();
                    var watch = Stopwatch.StartNew();
                    var report = await new SurveyResults(db) { RowByRow = rowByRow }.BuildAsync(survey, definition, "vi", CancellationToken.None);
                    if (i > 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    if (report.Calibration?.Method != "raking")
                    {
                        throw new InvalidOperationException("the demo survey is not raked");
                    }
                }

                rows.Add([what, Stats.F(Stats.Median(times)), Stats.F(times.Max()), "\u2013"]);
            }
        }

        await app.StartAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            await SignInAsync(http, signIn);
            var path = $"/Surveys/Results?id={surveyId}";
            var first = Stopwatch.StartNew();
            using (var response = await http.GetAsync(path))
            {
                _ = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                }
            }

            var firstMs = first.Elapsed.TotalMilliseconds;
            var file = await TimeAsync(http, "/favicon.svg", requests);
            rows.Add(["static file /favicon.svg (baseline)", Stats.F(file.P50), Stats.F(file.P95), "1.00"]);
            rows.Add([$"GET {path}, first load after start", Stats.F(firstMs), "\u2013", Stats.F(firstMs / file.P50, "0")]);
            var warm = await TimeAsync(http, path, requests);
            rows.Add([$"GET {path}, warm ({requests} requests)", Stats.F(warm.P50), Stats.F(warm.P95), Stats.F(warm.P50 / file.P50, "0")]);
            Console.WriteLine($"Demo survey results page (3,000 responses, raked), SQLite, {Environment.ProcessorCount} cores");
            Stats.PrintTable(["what", "p50 / median ms", "p95 / max ms", "ratio to static file (p50)"], rows);
            Console.WriteLine($"load average (1 min) {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task SignInAsync(HttpClient http, DemoSignIn signIn)
    {
        var login = await http.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = signIn.Email,
            ["Input.Password"] = signIn.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
        }
    }

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient http, string path, int requests)
    {
        using (await http.GetAsync(path))
        {
        }

        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            _ = await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (Stats.Percentile(times, 0.5), Stats.Percentile(times, 0.95));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
