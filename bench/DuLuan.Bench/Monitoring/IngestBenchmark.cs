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
        // DULUAN_BENCH_KEEP=<dir>: the search archive is built there once and reused by later runs (seed under cpu,
        // time under quiet); DULUAN_BENCH_SEED_ONLY=1 builds it and stops before timing.
        var keep = Environment.GetEnvironmentVariable("DULUAN_BENCH_KEEP");
        var root = keep ?? Path.Combine(Path.GetTempPath(), "duluan-bench-monitoring-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            if (entries > 0)
            {
                await IngestAsync(root, entries);
            }
            if (searchArticles > 0)
            {
                await SearchBenchmark.RunAsync(Path.Combine(root, "search"), searchArticles);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(root, true);
            }
            else
            {
                foreach (var scratch in new[] { "ours", "ours-warm", "plain.db" }.Select(n => Path.Combine(root, n)))
                {
                    if (Directory.Exists(scratch))
                    {
                        Directory.Delete(scratch, true);
                    }
                    File.Delete(scratch);
                }
            }
        }
        return 0;
    }

    private static async Task IngestAsync(string root, int entries)
    {
        // The bench's own list of texts is let go before ingest: the memory measured is the ingest's and the document's.
        var (xml, baseline) = FeedAndBaseline(root, entries);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        // Twice, each into a fresh database: first in a process that has never run ingest (methods still at the JIT's
        // first tier), then again with the same feed once the process is warm, as a server is after its first polls.
        var (cold, coldPeak) = await OursAsync(Path.Combine(root, "ours"), xml);
        GC.Collect();
        var (warm, _) = await OursAsync(Path.Combine(root, "ours-warm"), xml);
        Console.WriteLine();
        Console.WriteLine("| Ingest (SQLite, 2 cores) | documents/s | ratio | peak working set |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| plain FTS5 inserts (baseline) | {baseline:N0} | 1.00 | |");
        Console.WriteLine($"| DuLuan ingest end to end, first feed of the process (cold) | {cold:N0} | {cold / baseline:0.00} | {coldPeak / 1048576.0:0} MB |");
        Console.WriteLine($"| DuLuan ingest end to end, same feed again into a fresh database (warm) | {warm:N0} | {warm / baseline:0.00} | (not a fair peak: the first run's heap is still committed) |");
        Console.WriteLine();
        Console.WriteLine($"working set before ingest {before / 1048576.0:0} MB, peak during the cold ingest {coldPeak / 1048576.0:0} MB (goal < 300 MB)");
    }

    private static (byte[] Xml, double Baseline) FeedAndBaseline(string root, int entries)
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, entries).Select(i => (Title: Sentence(random, 8, 14), Text: Sentence(random, 60, 120), Link: $"https://bao.example.vn/{i}.html?utm_source=rss")).ToList();
        var xml = Rss(items);
        Console.WriteLine($"feed: {entries:N0} entries, {xml.Length / 1024.0 / 1024.0:0.0} MB");
        return (xml, PlainFts5(Path.Combine(root, "plain.db"), items));
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

    internal static async Task<ServiceProvider> ServicesAsync(string directory)
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
        if (await db.Feeds.AnyAsync())
        {
            return provider;
        }
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
        long managedPeak = 0;
        long heapPeak = 0;
        long committedPeak = 0;
        SQLitePCL.raw.sqlite3_memory_highwater(1);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
                var info = GC.GetGCMemoryInfo();
                heapPeak = Math.Max(heapPeak, info.HeapSizeBytes);
                committedPeak = Math.Max(committedPeak, info.TotalCommittedBytes);
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
        Console.WriteLine($"memory during ingest: working set peak {peak / 1048576.0:0} MB, managed heap peak {managedPeak / 1048576.0:0} MB " +
            $"(GC heap size {heapPeak / 1048576.0:0} MB, committed {committedPeak / 1048576.0:0} MB), SQLite native peak {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1048576.0:0} MB, allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:0} MB, gen2 collections {GC.CollectionCount(2) - gen2Before}");
        Steps(scope.ServiceProvider.GetRequiredService<FeedParser>(), xml, feed);
        return (result.Stored / seconds, peak);
    }

    /// <summary>
    /// Each step of the per-article analysis timed alone, one core, over the same 20,000 entries (after the ingest runs,
    /// so warm): what the analysis costs before any database write, to hold against what a ratio of 0.5 allows.
    /// </summary>
    private static void Steps(FeedParser parser, byte[] xml, Feed feed)
    {
        var phase = Stopwatch.StartNew();
        var entries = parser.ParseStreaming(xml, "utf-8", new Uri("https://bao.example.vn/rss")).Entries.ToList();
        var read = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var titles = entries.Select(e => VietnameseNormalizer.Normalize(e.Title ?? "")).ToList();
        var texts = entries.Select(e => VietnameseNormalizer.Normalize(e.ContentText ?? "")).ToList();
        var normalise = phase.Elapsed.TotalSeconds;
        var bodies = titles.Zip(texts, (t, x) => t + "\n" + x).ToList();
        phase.Restart();
        var folded = bodies.Sum(b => SearchText.IndexForm(b).Length);
        var fold = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var signatures = bodies.Select(b => StoryIndex.Hasher.Signature(b)).ToList();
        var minHash = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var facts = titles.Zip(texts).Count(p => StoryIndex.FactsOf(p.First, p.Second) is not null);
        var storyFacts = phase.Elapsed.TotalSeconds;
        var topics = WatchTopicSet.Compile([KeyValuePair.Create("1", "ngập AND (mưa OR lũ)")]);
        phase.Restart();
        var hits = bodies.Sum(b => topics.Match(b).Count);
        var rules = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var prepared = entries.Select(e => ArticleIngest.Prepare(feed, e, DateTime.UtcNow)).ToList();
        var prepare = phase.Elapsed.TotalSeconds;
        phase.Restart();
        var index = new NearDuplicateIndex(StoryIndex.Threshold, StoryIndex.Hasher);
        foreach (var a in prepared)
        {
            index.Add(StoryIndex.ToSignature(a.Signature));
        }
        var probe = phase.Elapsed.TotalSeconds;
        var total = read + prepare + storyFacts + rules + probe;
        Console.WriteLine();
        Console.WriteLine($"| Analysis step, {entries.Count:N0} entries, one core, warm, timed alone | seconds | µs per article |");
        Console.WriteLine("|---|---:|---:|");
        void Row(string step, double s) => Console.WriteLine($"| {step} | {s:0.00} | {s * 1e6 / entries.Count:0} |");
        Row("read the document + clean the entries (XML, HTML sanitiser, dates, links)", read);
        Row("normalise title and text (`VietnameseNormalizer`)", normalise);
        Row("fold to the search form (`SearchText.IndexForm`)", fold);
        Row("MinHash signature", minHash);
        Row("`ArticleIngest.Prepare` (the three above, plus key and link)", prepare);
        Row("story facts (`StoryIndex.FactsOf`)", storyFacts);
        Row("topic rules (one topic, normalises again)", rules);
        Row("story index add (stands for the probe)", probe);
        Row("analysis total (read + Prepare + facts + rules + probe)", total);
        Console.WriteLine($"(checks: {folded:N0} folded chars, {signatures.Count:N0} signatures, {facts:N0} with facts, {hits:N0} topic hits)");
    }
}
