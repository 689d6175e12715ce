using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Bench.Foundation;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Publish;
using DuLuan.Features.Publish.Metrics;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Publish;

/// <summary>
/// `DuLuan.Bench publish rollup [posts]`: the metrics roll-up of a province subtree over 12 months (one metric row per
/// post, posts spread over 100 communes and 3 channels), against a plain SUM over the same table in the same run.
/// `DuLuan.Bench publish portal [seconds]`: the portal page and RSS feed under wrk (200 connections) against a static
/// file served by the same server in the same run.
/// </summary>
public static partial class PublishBenchmarks
{
    public static async Task<int> Run(string[] args)
    {
        var what = args.ElementAtOrDefault(1);
        var dir = Path.Combine(Path.GetTempPath(), "duluan-bench-publish-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return what switch
            {
                "rollup" => await RollupAsync(dir, int.TryParse(args.ElementAtOrDefault(2), CultureInfo.InvariantCulture, out var n) ? n : 1_000_000),
                "portal" => await PortalAsync(dir, int.TryParse(args.ElementAtOrDefault(2), CultureInfo.InvariantCulture, out var s) ? s : 10),
                _ => Usage(),
            };
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

    private static int Usage()
    {
        Console.Error.WriteLine("usage: DuLuan.Bench publish rollup [posts] | publish portal [seconds]");
        return 2;
    }

    private static WebApplication Build(string dir) => WebHost.Build(new WebHostSettings(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = dir }, ["http://127.0.0.1:0"])
    {
        Overrides = new Dictionary<string, string?>
        {
            ["RateLimits:RequestsPerMinute"] = "100000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Publish:JobSeconds"] = "0",
            ["Monitoring:SchedulerSeconds"] = "0",
            ["Monitoring:AlertMinutes"] = "0",
        },
    });

    private static async Task<(Unit Province, List<long> Communes)> TreeAsync(IServiceProvider services, int communes)
    {
        await MigrateCommand.MigrateAsync(services, CancellationToken.None);
        var tree = services.GetRequiredService<UnitTree>();
        var root = await tree.EnsureRootAsync();
        var province = await tree.AddChildAsync(root, "Thành phố Đà Nẵng", UnitKind.Province, "48");
        var other = await tree.AddChildAsync(root, "Thành phố Hà Nội", UnitKind.Province, "01");
        var ids = new List<long>();
        for (var i = 0; i < communes; i++)
        {
            ids.Add((await tree.AddChildAsync(i % 5 == 4 ? other : province, $"Phường {i}", UnitKind.Commune, (30000 + i).ToString(CultureInfo.InvariantCulture))).Id);
        }

        return (province, ids);
    }

    private static async Task<int> RollupAsync(string dir, int posts)
    {
        var app = Build(dir);
        await using var scope = app.Services.CreateAsyncScope();
        var (province, communes) = await TreeAsync(scope.ServiceProvider, 125);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var load = Stopwatch.StartNew();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var start = new DateOnly(2025, 1, 1);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var post = connection.CreateCommand();
            post.CommandText = "INSERT INTO posts (Id, UnitId, Title, BodyHtml, BodyText, Tags, Status, ContentHash, AuthorId, LastEditorId, CreatedAt, UpdatedAt, Attempts, Version) VALUES ($id, $u, 't', 'b', 'b', $tags, 'Published', 'h', 'a', 'a', '2025-01-01', '2025-01-01', 0, 0)";
            var pid = post.Parameters.Add("$id", SqliteType.Integer);
            var pu = post.Parameters.Add("$u", SqliteType.Integer);
            var pt = post.Parameters.Add("$tags", SqliteType.Text);
            await using var metric = connection.CreateCommand();
            metric.CommandText = "INSERT INTO post_metrics (PostId, UnitId, Channel, Day, Views, Reach, Reactions, Comments, Shares, LinkClicks) VALUES ($id, $u, $c, $d, $v, $r, 3, 2, 1, 1)";
            var mid = metric.Parameters.Add("$id", SqliteType.Integer);
            var mu = metric.Parameters.Add("$u", SqliteType.Integer);
            var mc = metric.Parameters.Add("$c", SqliteType.Text);
            var md = metric.Parameters.Add("$d", SqliteType.Text);
            var mv = metric.Parameters.Add("$v", SqliteType.Integer);
            var mr = metric.Parameters.Add("$r", SqliteType.Integer);
            string[] channels = ["Portal", "Facebook", "Zalo"];
            string[] topics = ["giao thông", "môi trường", "y tế", "giáo dục", "dịch vụ công", "văn hoá"];
            for (var i = 1; i <= posts; i++)
            {
                pid.Value = i;
                pu.Value = communes[i % communes.Count];
                pt.Value = topics[i % topics.Length];
                await post.ExecuteNonQueryAsync();
                mid.Value = i;
                mu.Value = communes[i % communes.Count];
                mc.Value = channels[i % 3];
                md.Value = start.AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                mv.Value = 100 + (i % 1000);
                mr.Value = 50 + (i % 700);
                await metric.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"Loaded {posts:N0} posts and metric rows in {load.Elapsed.TotalSeconds:0} s; {communes.Count} communes, 4 in 5 under the province");
        // The rows went in by hand, as an old database's would: sum them into the monthly table as migration 0011 does.
        var backfill = Stopwatch.StartNew();
        await MetricsMonthly.RebuildAllAsync(db, CancellationToken.None);
        var monthlyRows = await db.PostMetricMonths.CountAsync();
        Console.WriteLine($"Monthly sums (the migration's backfill): {monthlyRows:N0} rows in {backfill.Elapsed.TotalSeconds:0.0} s");
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
        var end = start.AddDays(364);
        var rows = new List<string[]>();
        var baseline = await TimeAsync(async () =>
        {
            await using var sum = connection.CreateCommand();
            sum.CommandText = "SELECT SUM(Views), SUM(Reach) FROM post_metrics";
            await sum.ExecuteScalarAsync();
        });
        rows.Add(["plain SUM over the whole table (baseline)", Stats.F(baseline), "1.00"]);
        foreach (var by in Enum.GetValues<RollupBy>())
        {
            var ms = await TimeAsync(() => MetricsRollup.RunAsync(db, province.Path, start, end, by, CancellationToken.None));
            rows.Add([$"roll-up of the province subtree, 12 months, by {by}", Stats.F(ms), Stats.F(ms / baseline)]);
        }

        Console.WriteLine($"Metrics roll-up, SQLite (WAL), median of 5 runs after a warm-up, {Environment.ProcessorCount} cores");
        Stats.PrintTable(["what", "ms", "ratio to baseline"], rows);
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        await action();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[2];
    }

    private static async Task<int> PortalAsync(string dir, int seconds)
    {
        var app = Build(dir);
        long postId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (province, _) = await TreeAsync(scope.ServiceProvider, 1);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            for (var i = 0; i < 60; i++)
            {
                var html = $"<p>Thông báo số {i} của thành phố về lịch tiếp công dân, phân luồng giao thông và thu gom rác thải.</p><p>Người dân lưu ý.</p>";
                db.Posts.Add(new Post
                {
                    UnitId = province.Id,
                    Title = $"Thông báo số {i} của thành phố",
                    BodyHtml = html,
                    BodyText = PostContent.PlainText(html),
                    Tags = "dịch vụ công",
                    Status = PostStatus.Published,
                    ContentHash = "h",
                    AuthorId = "a",
                    LastEditorId = "a",
                    CreatedAt = now,
                    UpdatedAt = now,
                    PublishedAt = now.AddMinutes(-i),
                });
            }

            await db.SaveChangesAsync();
            postId = await db.Posts.OrderByDescending(p => p.PublishedAt).Select(p => p.Id).FirstAsync();
        }

        await app.StartAsync();
        var root = app.Urls.First();
        var script = Path.Combine(dir, "p95.lua");
        await File.WriteAllTextAsync(script, "done = function(summary, latency, requests)\n  io.write(string.format(\"p95_us=%d\\n\", latency:percentile(95)))\nend\n");
        var rows = new List<string[]>();
        var targets = new[] { ("static file /css/site.css (baseline)", "/css/site.css"), ("portal page /cong/48", "/cong/48"), ($"post page /cong/48/tin/{postId}", $"/cong/48/tin/{postId}"), ("RSS feed /cong/48/rss.xml", "/cong/48/rss.xml"), ("Atom feed /cong/48/atom.xml", "/cong/48/atom.xml"), ("sitemap /cong/48/sitemap.xml", "/cong/48/sitemap.xml") };
        double? staticRate = null;
        foreach (var (name, path) in targets)
        {
            var (rate, p95) = Wrk(root + path, seconds, script);
            staticRate ??= rate;
            rows.Add([name, Stats.F(rate, "0"), Stats.F(p95), Stats.F(rate / staticRate.Value)]);
        }

        await app.StopAsync();
        Console.WriteLine($"Portal under wrk, 200 connections, 2 threads, {seconds} s each, SQLite (WAL), {Environment.ProcessorCount} cores");
        Stats.PrintTable(["what", "requests/s", "p95 ms", "ratio to static"], rows);
        return 0;
    }

    private static (double Rate, double P95) Wrk(string url, int seconds, string script)
    {
        var info = new ProcessStartInfo("wrk", ["-t2", "-c200", $"-d{seconds}s", "-s", script, url]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rate = double.Parse(RatePattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p95 = double.Parse(P95Pattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
        return (rate, p95);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"p95_us=(\d+)")]
    private static partial Regex P95Pattern();
}
