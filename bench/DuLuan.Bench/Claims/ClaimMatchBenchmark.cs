using System.Diagnostics;
using System.Globalization;
using DuLuan.Features.Claims;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Bench.Claims;

/// <summary>
/// What claim matching adds to one ingest batch: shaping and indexing every candidate claim by syllable pairs and
/// scoring each stored article against the claims it shares pairs with (the in-memory part of <see cref="ClaimMatcher.MatchStoriesAsync"/>), against a baseline measured in the
/// same run: preparing the same batch for ingest (normalise, fold, index form, MinHash), which ingest does anyway.
/// </summary>
public static class ClaimMatchBenchmark
{
    private static readonly string[] Words = ("phường xã thành phố cắt điện nước ngập bão học sinh nghỉ học giá xăng tăng giảm cầu đường " +
        "bệnh viện dịch bệnh tiêm vắc xin thu hồi đất đền bù dự án khu công nghiệp cháy nổ tai nạn giao thông sạt lở mưa lớn " +
        "chính quyền thông báo người dân lo lắng chia sẻ mạng xã hội tin đồn sự thật hoàn toàn không có kế hoạch trong tuần tới").Split(' ');

    public static int Run(string[] args)
    {
        var claims = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : ClaimMatcher.Candidates;
        var batch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var random = new Random(7);
        var claimTexts = Enumerable.Range(0, claims).Select(_ => Sentence(random, 12, 25)).ToList();
        var entries = Enumerable.Range(0, batch).Select(i => new ParsedEntry
        {
            Id = "b" + i.ToString(CultureInfo.InvariantCulture),
            Title = Sentence(random, 8, 14),
            ContentText = Sentence(random, 60, 120),
            Link = "https://bench.example.vn/" + i.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var feed = new Feed { Id = 1, UnitId = 1, Url = "https://bench.example.vn/rss", Name = "Bench", Outlet = "Bench" };
        var now = DateTime.UtcNow;

        var prepare = Measure(() =>
        {
            foreach (var entry in entries)
            {
                ArticleIngest.Prepare(feed, entry, now);
            }
        });
        var matches = 0;
        var match = Measure(() =>
        {
            var index = new ClaimShapeIndex();
            for (var i = 0; i < claimTexts.Count; i++)
            {
                index.Add(i, ClaimText.Of(claimTexts[i]));
            }

            matches = 0;
            foreach (var entry in entries)
            {
                matches += index.Match(ClaimText.Of(entry.Title + "\n" + entry.ContentText)).Count;
            }
        });

        Console.WriteLine($"## Claim matching per ingest batch: {claims:N0} claims x {batch:N0} articles (median of 7 runs after 2 warm-ups)");
        Console.WriteLine();
        Console.WriteLine("| measure | median ms | per article ms | vs baseline |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine(Row("prepare batch for ingest (baseline)", prepare, batch, prepare));
        Console.WriteLine(Row("claim matching of the batch", match, batch, prepare));
        Console.WriteLine();
        Console.WriteLine($"suggestions made by chance on random text: {matches}");
        return 0;
    }

    private static string Row(string name, double ms, int batch, double baseline)
        => string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:0.0} | {ms / batch:0.000} | {ms / baseline:0.00} |");

    private static double Measure(Action action)
    {
        for (var i = 0; i < 2; i++)
        {
            action();
        }

        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static string Sentence(Random random, int min, int max)
        => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));
}
