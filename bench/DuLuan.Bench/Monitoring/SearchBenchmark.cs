using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Bench.Monitoring;

/// <summary>
/// Search latency on the realistic archive (<see cref="NewsCorpus"/>): the previous ranking (<see cref="PreviousSearch"/>,
/// bm25 / ts_rank over the newest 20,000 matches) against <see cref="ArticleSearch"/> on the same database in the same
/// run, SQLite first, then PostgreSQL when DULUAN_BENCH_POSTGRES is set. Also how far the first page changed.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly (string Label, string Query, SearchSort Sort)[] Queries =
    [
        ("one word, common", "người", SearchSort.Relevance),
        ("one word, rare", "ngập", SearchSort.Relevance),
        ("two-word phrase, common", "\"người dân\"", SearchSort.Relevance),
        ("two-word phrase, rare", "\"sạt lở\"", SearchSort.Relevance),
        ("two-word phrase, words common, never adjacent", "\"giá xăng\"", SearchSort.Relevance),
        ("place name, under 1,000 matches", "\"phường Hòa Khánh\"", SearchSort.Relevance),
        ("three folded words, rare", "sat lo dat", SearchSort.Relevance),
        ("three folded words, common", "nguoi dan nam", SearchSort.Relevance),
        ("word + NOT phrase", "đất -\"nhà nước\"", SearchSort.Relevance),
        ("two words, newest first", "thành phố", SearchSort.Newest),
    ];

    public static async Task RunAsync(string directory, int articles)
    {
        var corpus = NewsCorpus.Load();
        Console.WriteLine();
        Console.WriteLine($"search archive: {articles:N0} articles from {corpus.SentenceCount:N0} real news sentences (see NewsCorpus)");
        await using var provider = await IngestBenchmark.ServicesAsync(directory);
        var file = Path.Combine(directory, "duluan.db");
        if (Count(file) != articles)
        {
            Console.WriteLine($"building {articles:N0} articles for search (direct inserts through the same triggers)...");
            Fill(file, articles, corpus);
            Execute(file, "ANALYZE;");
        }
        var seedOnly = Environment.GetEnvironmentVariable("DULUAN_BENCH_SEED_ONLY") == "1";
        var postgres = Environment.GetEnvironmentVariable("DULUAN_BENCH_POSTGRES");
        if (seedOnly)
        {
            if (postgres is not null)
            {
                await using var seeded = await PostgresSearchDb.CreateAsync(postgres, articles, corpus.Article);
            }
            return;
        }
        await CompareAsync($"{articles:N0} articles, SQLite FTS5", provider);
        foreach (var (label, query, _) in Queries)
        {
            using var connection = new SqliteConnection($"Data Source={file}");
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH $q";
            count.Parameters.AddWithValue("$q", SearchQuery.Parse(query).ToFts5Match());
            Console.WriteLine($"matches of `{query}` ({label}): {(long)count.ExecuteScalar()!:N0} of {articles:N0}");
        }
        if (postgres is null)
        {
            Console.WriteLine("(set DULUAN_BENCH_POSTGRES to a server connection string to measure PostgreSQL too)");
            return;
        }
        await using var pg = await PostgresSearchDb.CreateAsync(postgres, articles, corpus.Article);
        await CompareAsync($"{articles:N0} articles, PostgreSQL GIN", pg.Services);
    }

    private static async Task CompareAsync(string what, IServiceProvider provider)
    {
        Console.WriteLine($"{what}: timing, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        // Previous, current, previous again, current again: each side gets a cold and a warm pass; the second pair is reported.
        await TimeAsync(provider, previous: true);
        await TimeAsync(provider, previous: false);
        var before = await TimeAsync(provider, previous: true);
        var after = await TimeAsync(provider, previous: false);
        Console.WriteLine();
        Console.WriteLine($"| Search, {what} (bm25/ts_rank over newest 20,000 / newest 1,000 by SearchRelevance) | matches | before p50 ms | before p95 ms | after p50 ms | after p95 ms | p95 after/before | first page shared |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Queries.Length; i++)
        {
            var shared = after[i].Page.Intersect(before[i].Page).Count();
            Console.WriteLine($"| {Queries[i].Label} `{Queries[i].Query}` | {after[i].Matches} | {before[i].P50:0.0} | {before[i].P95:0.0} | {after[i].P50:0.0} | {after[i].P95:0.0} | {after[i].P95 / before[i].P95:0.00} | {shared} of {after[i].Page.Count} |");
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private sealed record Timing(double P50, double P95, string Matches, List<long> Page);

    private static async Task<List<Timing>> TimeAsync(IServiceProvider provider, bool previous)
    {
        var timings = new List<Timing>();
        foreach (var (_, query, sort) in Queries)
        {
            var times = new List<double>();
            ArticleSearchPage? page = null;
            for (var i = 0; i < 60; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var request = new ArticleSearchRequest(SearchQuery.Parse(query), [1], Sort: sort);
                var watch = Stopwatch.StartNew();
                page = previous ? await PreviousSearch.SearchAsync(db, request) : await new ArticleSearch(db).SearchAsync(request);
                if (i >= 10)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            var matches = page!.TotalIsLowerBound ? $"> {page.Total:N0}" : $"{page.Total:N0}";
            timings.Add(new Timing(times[times.Count / 2], times[(int)(times.Count * 0.95)], matches, page.Articles.Select(a => a.Id).ToList()));
        }
        return timings;
    }

    private static void Fill(string file, int articles, NewsCorpus corpus)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
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

    private static long Count(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
