using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Cli;
using DuLuan.Data;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Monitoring;

/// <summary>
/// Ingest end to end (parse one RSS document of N entries, normalise, dedup into stories, index, store) on the
/// embedded SQLite default, against plain FTS5 inserts of the same texts in the same run; then search latency.
/// dotnet run -c Release --project bench/DuLuan.Bench -- monitoring [entries] [search-articles]
/// </summary>
public static class IngestBenchmark
{
    private static readonly string[] Words = ("mưa lớn ngập sâu tuyến đường phường xã người dân di dời tài sản lực lượng chức năng hỗ trợ " +
        "giá xăng dầu điều chỉnh giảm tăng cửa hàng niêm yết sạt lở đất taluy cảnh báo chính quyền địa phương khách du lịch " +
        "cầu mới khánh thành dự án vốn đầu tư trường học bệnh viện thành phố tỉnh huyện hội nghị triển khai kế hoạch năm nay " +
        "nông dân thu hoạch lúa giá cả thị trường giao thông tai nạn xe máy ô tô cảnh sát điều tra học sinh thi cử điểm chuẩn").Split(' ');

    public static async Task<int> Run(string[] args)
    {
        var entries = int.Parse(args.ElementAtOrDefault(1) ?? "20000", CultureInfo.InvariantCulture);
        var searchArticles = int.Parse(args.ElementAtOrDefault(2) ?? "200000", CultureInfo.InvariantCulture);
        var random = new Random(7);
        var items = Enumerable.Range(0, entries).Select(i => (Title: Sentence(random, 8, 14), Text: Sentence(random, 60, 120), Link: $"https://bao.example.vn/{i}.html?utm_source=rss")).ToList();
        var xml = Rss(items);
        Console.WriteLine($"feed: {entries:N0} entries, {xml.Length / 1024.0 / 1024.0:0.0} MB");

        var root = Path.Combine(Path.GetTempPath(), "duluan-bench-monitoring-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            var baseline = PlainFts5(Path.Combine(root, "plain.db"), items);
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var (ours, peak) = await OursAsync(Path.Combine(root, "ours"), xml);
            Console.WriteLine();
            Console.WriteLine("| Ingest (SQLite, 2 cores) | documents/s | ratio |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| plain FTS5 inserts (baseline) | {baseline:N0} | 1.00 |");
            Console.WriteLine($"| DuLuan ingest end to end | {ours:N0} | {ours / baseline:0.00} |");
            Console.WriteLine();
            Console.WriteLine($"working set before ingest {before / 1048576.0:0} MB, peak during ingest {peak / 1048576.0:0} MB (goal < 300 MB)");
            await SearchAsync(Path.Combine(root, "search"), searchArticles);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, true);
        }
        return 0;
    }

    private static string Sentence(Random random, int min, int max)
    {
        var n = random.Next(min, max);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Append(i == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
        }

        sb.Append(" số ").Append(random.Next(1, 100000).ToString(CultureInfo.InvariantCulture)).Append('.');
        return sb.ToString();
    }

    private static byte[] Rss(List<(string Title, string Text, string Link)> items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench</title>");
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append("<item><title>").Append(SecurityElement.Escape(items[i].Title)).Append("</title><link>").Append(SecurityElement.Escape(items[i].Link))
                .Append("</link><description>").Append(SecurityElement.Escape(items[i].Text)).Append("</description><pubDate>")
                .Append(at.AddSeconds(i * 30).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }
        return Encoding.UTF8.GetBytes(sb.Append("</channel></rss>").ToString());
    }

    private static double PlainFts5(string file, List<(string Title, string Text, string Link)> items)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='unicode61 remove_diacritics 0');";
            setup.ExecuteNonQuery();
        }
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < items.Count; start += 500)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO plain (body) VALUES ($b)";
            var body = insert.Parameters.Add("$b", SqliteType.Text);
            foreach (var item in items.Skip(start).Take(500))
            {
                body.Value = item.Title + "\n" + item.Text;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        return items.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<ServiceProvider> ServicesAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = directory };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(Environment.GetEnvironmentVariable("BENCH_SQL") is null ? LogLevel.Warning : LogLevel.Information).AddSimpleConsole());
        services.AddDuLuanCore(new ConfigurationBuilder().Build(), database);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await MigrateCommand.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Units.Add(new Unit { Code = "B01", Name = "Bench", NameFolded = "bench", Kind = UnitKind.Province, Path = "/1/", Depth = 0 });
        await db.SaveChangesAsync();
        db.Feeds.Add(new Feed { UnitId = 1, Url = "https://bao.example.vn/rss", Name = "Bench", Outlet = "Báo Bench", CreatedAt = DateTime.UtcNow, NextPollAt = DateTime.UtcNow });
        db.WatchTopics.Add(new WatchTopic { UnitId = 1, Name = "Ngập", Rule = "ngập AND (mưa OR lũ)", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return provider;
    }

    private static async Task<(double PerSecond, long PeakBytes)> OursAsync(string directory, byte[] xml)
    {
        await using var provider = await ServicesAsync(directory);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                await Task.Delay(50);
            }
        });
        var watch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        // As FeedPoll does: entries cleaned as ingest reads them, a batch at a time.
        var streamed = scope.ServiceProvider.GetRequiredService<FeedParser>().ParseStreaming(xml, "utf-8", new Uri("https://bao.example.vn/rss"));
        var parseSeconds = watch.Elapsed.TotalSeconds;
        var feed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Feeds.AsNoTracking().SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<ArticleIngest>().IngestAsync(feed, streamed.Entries);
        var seconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        if (result.Stored != streamed.EntryCount)
        {
            Console.WriteLine($"warning: stored {result.Stored} of {streamed.EntryCount}");
        }

        Console.WriteLine($"ours: read the document {parseSeconds:0.0} s, clean + store {seconds - parseSeconds:0.0} s");
        var parsed = scope.ServiceProvider.GetRequiredService<FeedParser>().Parse(xml, "utf-8", new Uri("https://bao.example.vn/rss"));
        var phase = Stopwatch.StartNew();
        var prepared = parsed.Entries.Select(e => ArticleIngest.Prepare(feed, e, DateTime.UtcNow)).ToList();
        var prepareSeconds = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var index = new NearDuplicateIndex(StoryIndex.Threshold, StoryIndex.Hasher);
        foreach (var a in prepared)
        {
            index.Add(StoryIndex.ToSignature(a.Signature));
        }

        var indexSeconds = phase.Elapsed.TotalSeconds;
        Console.WriteLine($"of which, measured again alone: normalise+fold+MinHash {prepareSeconds:0.0} s, story index {indexSeconds:0.0} s; the rest is the database");
        return (result.Stored / seconds, peak);
    }

    private static readonly (string Label, string Query, SearchSort Sort)[] Queries =
    [
        ("one word, common", "người", SearchSort.Relevance),
        ("one word, rare", "ngập", SearchSort.Relevance),
        ("two-word phrase, common", "\"người dân\"", SearchSort.Relevance),
        ("two-word phrase, rare", "\"sạt lở\"", SearchSort.Relevance),
        ("two-word phrase, words common, never adjacent", "\"giá xăng\"", SearchSort.Relevance),
        ("three folded words, rare", "sat lo dat", SearchSort.Relevance),
        ("three folded words, common", "nguoi dan nam", SearchSort.Relevance),
        ("word + NOT phrase", "đất -\"nhà nước\"", SearchSort.Relevance),
        ("two words, newest first", "thành phố", SearchSort.Newest),
    ];

    private static async Task SearchAsync(string directory, int articles)
    {
        var corpus = NewsCorpus.Load();
        Console.WriteLine();
        Console.WriteLine($"search archive: {articles:N0} articles from {corpus.SentenceCount:N0} real news sentences (see NewsCorpus)");
        await using var provider = await ServicesAsync(directory);
        var file = Path.Combine(directory, "duluan.db");
        Console.WriteLine($"building {articles:N0} articles for search (direct inserts through the same triggers)...");
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            var at = DateTime.UtcNow.AddDays(-30);
            for (var start = 0; start < articles; start += 5000)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO stories (\"UnitId\", \"Title\", \"FirstSeenAt\", \"LastSeenAt\", \"ArticleCount\") VALUES (1, 's', $t, $t, 1); " +
                    "INSERT INTO articles (\"UnitId\", \"FeedId\", \"StoryId\", \"Key\", \"Url\", \"Title\", \"Text\", \"Outlet\", \"PublishedAt\", \"FetchedAt\", \"Folded\", \"Signature\") " +
                    "VALUES (1, 1, last_insert_rowid(), $k, NULL, $title, $text, 'Báo Bench', $t, $t, $f, x'00')";
                var k = insert.Parameters.Add("$k", SqliteType.Text);
                var title = insert.Parameters.Add("$title", SqliteType.Text);
                var text = insert.Parameters.Add("$text", SqliteType.Text);
                var t = insert.Parameters.Add("$t", SqliteType.Text);
                var f = insert.Parameters.Add("$f", SqliteType.Text);
                for (var i = start; i < Math.Min(articles, start + 5000); i++)
                {
                    var (ti, te) = corpus.Article(i);
                    k.Value = i.ToString("x64", CultureInfo.InvariantCulture);
                    title.Value = ti;
                    text.Value = te;
                    t.Value = at.AddSeconds(i * 2.5).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                    f.Value = SearchText.IndexForm(ti + "\n" + te);
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
        }
        // Same run, same file: without the FTS join's covering index (as before migration 0031), then with it.
        Execute(file, "DROP INDEX \"IX_articles_fts_unit\"; ANALYZE;");
        var before = await TimeSearchesAsync(provider, coveringJoin: false);
        Execute(file, "CREATE INDEX \"IX_articles_fts_unit\" ON \"articles\" (\"Id\", \"UnitId\"); ANALYZE;");
        var after = await TimeSearchesAsync(provider);
        Print($"{articles:N0} articles, SQLite FTS5", "without / with IX_articles_fts_unit", before, after);
        // The first pass also warmed the caches: time "without" once more, now as warm as "with" was.
        Execute(file, "DROP INDEX \"IX_articles_fts_unit\"; ANALYZE;");
        Print($"{articles:N0} articles, SQLite FTS5, warm", "without again / with", await TimeSearchesAsync(provider, coveringJoin: false), after);
        foreach (var (label, query, _) in Queries)
        {
            using var connection = new SqliteConnection($"Data Source={file}");
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH $q";
            count.Parameters.AddWithValue("$q", SearchQuery.Parse(query).ToFts5Match());
            Console.WriteLine($"matches of `{query}` ({label}): {(long)count.ExecuteScalar()!:N0} of {articles:N0}");
        }
        var postgres = Environment.GetEnvironmentVariable("DULUAN_BENCH_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("(set DULUAN_BENCH_POSTGRES to a server connection string to measure PostgreSQL too)");
            return;
        }
        await using var pg = await PostgresSearchDb.CreateAsync(postgres, articles, corpus.Article);
        before = await TimeSearchesAsync(pg.Services);
        await pg.KeepSearchVectorsInlineAsync();
        after = await TimeSearchesAsync(pg.Services);
        Print($"{articles:N0} articles, PostgreSQL GIN", "search_vector toasted / inline", before, after);
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record Timing(double P50, double P95, string Matches);

    private static void Print(string what, string change, List<Timing> before, List<Timing> after)
    {
        Console.WriteLine();
        Console.WriteLine($"| Search, {what} ({change}) | matches | before p50 ms | before p95 ms | after p50 ms | after p95 ms | p95 after/before |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Queries.Length; i++)
        {
            Console.WriteLine($"| {Queries[i].Label} `{Queries[i].Query}` | {after[i].Matches} | {before[i].P50:0.0} | {before[i].P95:0.0} | {after[i].P50:0.0} | {after[i].P95:0.0} | {after[i].P95 / before[i].P95:0.00} |");
        }
    }

    private static async Task<List<Timing>> TimeSearchesAsync(IServiceProvider provider, bool coveringJoin = true)
    {
        var timings = new List<Timing>();
        foreach (var (_, query, sort) in Queries)
        {
            var times = new List<double>();
            ArticleSearchPage? page = null;
            for (var i = 0; i < 60; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var search = new ArticleSearch(scope.ServiceProvider.GetRequiredService<AppDbContext>()) { CoveringJoin = coveringJoin };
                var watch = Stopwatch.StartNew();
                page = await search.SearchAsync(new ArticleSearchRequest(SearchQuery.Parse(query), [1], Sort: sort));
                if (i >= 10)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            timings.Add(new Timing(times[times.Count / 2], times[(int)(times.Count * 0.95)], page!.TotalIsLowerBound ? $"> {page.Total:N0}" : $"{page.Total:N0}"));
        }
        return timings;
    }
}
