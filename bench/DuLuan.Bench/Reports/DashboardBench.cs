using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DuLuan.Bench.Foundation;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Reports;

/// <summary>
/// `DuLuan.Bench dashboard [cases] [posts] [streams] [requests]`: the /Reports dashboard of a province subtree
/// (100 communes) for the year 2025 over real HTTP, on SQLite loaded by bulk SQL with 1,000,000 cases, 1,000,000 posts
/// (one metric row each) and 200,000 opinion streams. Baselines in the same run: a static file over the same HTTP
/// client, and a plain COUNT(*) over the cases table.
/// </summary>
public static partial class DashboardBench
{
    private const string Password = "mot cau rat dai de do hieu nang 42";

    public static async Task<int> Run(string[] args)
    {
        int Arg(int i, int fallback) => int.TryParse(args.ElementAtOrDefault(i), CultureInfo.InvariantCulture, out var v) ? v : fallback;
        var (cases, posts, streams, requests) = (Arg(1, 1_000_000), Arg(2, 1_000_000), Arg(3, 200_000), Arg(4, 20));
        var dir = Path.Combine(Path.GetTempPath(), "duluan-bench-dashboard-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return await RunAsync(dir, cases, posts, streams, requests);
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

    private static async Task<int> RunAsync(string dir, int cases, int posts, int streams, int requests)
    {
        var app = WebHost.Build(new WebHostSettings(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dir }, ["http://127.0.0.1:0"])
        {
            Overrides = QuietHostSettings.Create(),
        });
        long provinceId;
        var load = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await MigrateCommand.MigrateAsync(services, CancellationToken.None);
            var tree = services.GetRequiredService<UnitTree>();
            var root = await tree.EnsureRootAsync();
            var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
            var other = await tree.AddChildAsync(root, "Thành phố Hà Nội", UnitKind.Province, "01");
            for (var i = 0; i < 100; i++)
            {
                await tree.AddChildAsync(province, $"Phường {i}", UnitKind.Commune, (30000 + i).ToString(CultureInfo.InvariantCulture));
            }

            for (var i = 0; i < 25; i++)
            {
                await tree.AddChildAsync(other, $"Phường H {i}", UnitKind.Commune, (40000 + i).ToString(CultureInfo.InvariantCulture));
            }

            for (var i = 0; i < 10; i++)
            {
                await tree.AddChildAsync(province, $"Sở {i}", UnitKind.Agency, null);
            }

            provinceId = province.Id;
            var users = services.GetRequiredService<UserManager<Member>>();
            var member = new Member { UserName = "xem@bench.test", Email = "xem@bench.test", DisplayName = "xem", EmailConfirmed = true };
            var created = await users.CreateAsync(member, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var db = services.GetRequiredService<AppDbContext>();
            db.Memberships.Add(new Membership { MemberId = member.Id, UnitId = province.Id, Role = Role.Viewer });
            await db.SaveChangesAsync();
            await LoadAsync(db, province.Path, other.Path, member.Id, cases, posts, streams);
            var build = Stopwatch.StartNew();
            var counters = await services.GetRequiredService<DuLuan.Features.Reports.Figures.Sums.ReportSumsBuilder>().EnsureAsync(force: true, CancellationToken.None);
            Console.WriteLine($"Monthly report sums built from the records: {counters:N0} counters in {build.Elapsed.TotalSeconds:0.0} s");
        }

        Console.WriteLine($"Loaded {cases:N0} cases, {posts:N0} posts (+ one metric row each), {streams:N0} opinion streams in {load.Elapsed.TotalSeconds:0} s; 100 communes under the province, 25 under another");
        await app.StartAsync();
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
            await SignInAsync(http);
            var rows = new List<string[]>();
            var file = await TimeAsync(http, "/favicon.svg", requests);
            rows.Add(["static file /favicon.svg (baseline)", Stats.F(file.P50), Stats.F(file.P95), "\u2013"]);
            var count = CountTimes(app, requests);
            rows.Add(["SELECT COUNT(*) FROM cases, in process (baseline)", Stats.F(count.P50), Stats.F(count.P95), "\u2013"]);
            foreach (var (what, path) in new[]
            {
                ("dashboard, province, year 2025", $"/Reports?unit={provinceId}&period=2025"),
                ("dashboard, province, 2025-Q3", $"/Reports?unit={provinceId}&period=2025-Q3"),
                ("dashboard, one commune, year 2025", $"/Reports?unit={provinceId + 2}&period=2025"),
                ("drill-down, province, cases of 2025, page 100", $"/Reports/Drill?unit={provinceId}&period=2025&key=concerns.cases&page=100"),
            })
            {
                var t = await TimeAsync(http, path, requests);
                rows.Add([what, Stats.F(t.P50), Stats.F(t.P95), Stats.F(t.P95 / count.P95)]);
            }

            Console.WriteLine($"Reports dashboard over HTTP, SQLite (WAL), {requests} sequential requests after a warm-up, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
            Stats.PrintTable(["what", "p50 ms", "p95 ms", "p95 / COUNT(*) p95"], rows);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Bulk rows by recursive CTE: all of 2025 (and a tenth as many in 2024, the previous period).</summary>
    private static async Task LoadAsync(AppDbContext db, string provincePath, string otherPath, string memberId, int cases, int posts, int streams)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        async Task Exec(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            await command.ExecuteNonQueryAsync();
        }

        string Seq(int n) => $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n})";
        await Exec("CREATE TEMP TABLE places (k INTEGER PRIMARY KEY, id INTEGER NOT NULL)");
        await Exec("CREATE TEMP TABLE agencies (k INTEGER PRIMARY KEY, id INTEGER NOT NULL)");
        await Exec($"INSERT INTO places SELECT row_number() OVER (ORDER BY \"Id\") - 1 AS k, \"Id\" AS id FROM units WHERE \"Kind\" = 'Commune' AND (\"Path\" LIKE '{provincePath}%' OR \"Path\" LIKE '{otherPath}%')");
        await Exec($"INSERT INTO agencies SELECT row_number() OVER (ORDER BY \"Id\") - 1 AS k, \"Id\" AS id FROM units WHERE \"Kind\" = 'Agency'");
        const string Place = "(SELECT id FROM places WHERE k = i % 125)";
        // Minutes since 2024-01-01: nine in ten rows in 2025, one in ten in 2024.
        const string When = "datetime('2024-01-01', '+' || (CASE WHEN i % 10 = 0 THEN (i * 7919) % 525600 ELSE 527040 + (i * 7919) % 525600 END) || ' minutes')";
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Exec($"{Seq(cases)} INSERT INTO cases (\"UnitId\", \"Title\", \"Description\", \"Severity\", \"Status\", \"AgencyId\", \"CreatedAt\", \"DueAt\", \"AnsweredAt\", \"Version\") " +
                $"SELECT {Place}, 'Vụ việc ' || i, 'Mô tả', CASE i % 3 WHEN 0 THEN 'Normal' WHEN 1 THEN 'Urgent' ELSE 'Complex' END, CASE WHEN i % 4 = 0 THEN 'InProgress' ELSE 'Answered' END, " +
                $"(SELECT id FROM agencies WHERE k = i % 10), w, datetime(w, '+5 days'), CASE WHEN i % 4 = 0 THEN NULL ELSE datetime(w, '+' || (i % 200) || ' hours') END, 0 FROM (SELECT i, {When} AS w FROM n)");
            await Exec($"{Seq(posts)} INSERT INTO posts (\"UnitId\", \"Title\", \"BodyHtml\", \"BodyText\", \"Tags\", \"Status\", \"ContentHash\", \"AuthorId\", \"LastEditorId\", \"CreatedAt\", \"UpdatedAt\", \"PublishedAt\", \"Attempts\", \"Version\") " +
                $"SELECT {Place}, 'Bài ' || i, '<p>b</p>', 'b', '', 'Published', 'h', 'a', 'a', w, w, w, 0, 0 FROM (SELECT i, {When} AS w FROM n)");
            await Exec("INSERT INTO post_metrics (\"PostId\", \"UnitId\", \"Channel\", \"Day\", \"Views\", \"Reach\", \"Reactions\", \"Comments\", \"Shares\", \"LinkClicks\") " +
                "SELECT \"Id\", \"UnitId\", CASE \"Id\" % 3 WHEN 0 THEN 'Portal' WHEN 1 THEN 'Facebook' ELSE 'Zalo' END, date(\"PublishedAt\", '+1 day'), 100 + \"Id\" % 1000, 50 + \"Id\" % 700, 3, 2, 1, 1 FROM posts");
            await Exec("INSERT INTO opinion_topics (\"UnitId\", \"Name\", \"NameFolded\", \"CreatedAt\") SELECT (SELECT id FROM places WHERE k = 0), 'Chủ đề ' || i, 'chu de ' || i, '2024-01-01 00:00:00' FROM (" + Seq(20) + " SELECT i FROM n)");
            var reports = streams / 4;
            await Exec($"{Seq(reports)} INSERT INTO opinion_reports (\"MemberId\", \"UnitId\", \"PeriodStart\", \"PeriodEnd\", \"SubmittedAt\", \"IdempotencyKey\") " +
                $"SELECT '{memberId}', {Place}, date(w), date(w, '+6 days'), w, 'k' || i FROM (SELECT i, {When} AS w FROM n)");
            await Exec($"{Seq(4)} INSERT INTO opinion_streams (\"ReportId\", \"TopicId\", \"Summary\", \"Tendency\", \"Intensity\", \"Spread\", \"Sources\") " +
                "SELECT r.\"Id\", (SELECT MIN(\"Id\") FROM opinion_topics) + (r.\"Id\" * 7 + n.i) % 20, 'Người dân bàn', CASE (r.\"Id\" + n.i) % 4 WHEN 0 THEN 'Agree' WHEN 1 THEN 'Disagree' WHEN 2 THEN 'Mixed' ELSE 'Undecided' END, 3, 'Commune', 2 FROM opinion_reports r CROSS JOIN n");
            await transaction.CommitAsync();
        }

        await Exec("ANALYZE");
        // Rows loaded by SQL bypass the sums kept on every save, so they are built as after the upgrade that adds them.
        await DuLuan.Features.Publish.Metrics.MetricsMonthly.RebuildAllAsync(db, CancellationToken.None);
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var login = await http.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "xem@bench.test",
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
        }
    }

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient http, string path, int requests)
    {
        using (var warm = await http.GetAsync(path))
        {
            if (warm.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path}: {(int)warm.StatusCode}");
            }
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

    private static (double P50, double P95) CountTimes(WebApplication app, int requests)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var times = new List<double>();
        for (var i = 0; i <= requests; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = db.Cases.LongCount();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (Stats.Percentile(times, 0.5), Stats.Percentile(times, 0.95));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
