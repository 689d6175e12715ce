using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

internal static class RuleBenchmarks
{
    /// <summary>Fast path and reference in the same run; <paramref name="withReference"/> false ("text rules fast") for profiling the fast path alone.</summary>
    public static void Run(List<string> sentences, bool withReference)
    {
        // Topic words are what monitors watch for: content words seen a few times, not "và" or "của".
        var vocabulary = sentences.SelectMany(s => s.Split(' ')).Where(w => w.Length > 1 && w.All(char.IsLetter))
            .GroupBy(w => w.ToLowerInvariant(), StringComparer.Ordinal).Where(g => g.Count() is >= 2 and <= 30).Select(g => g.Key).Order(StringComparer.Ordinal).ToArray();
        var lines = Corpus.Articles(sentences, 2048, 10_000, seed: 3);
        var megabytes = lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l)) / 1e6;
        var rows = new List<string[]>();
        double? baseline = null;
        double? referenceBaseline = null;
        foreach (var count in new[] { 10, 100, 1000 })
        {
            var set = WatchTopicSet.Compile(Topics(vocabulary, count));
            var matched = 0L;
            var referenceMatched = 0L;
            var fast = Harness.Measure(lines.Count, () => { foreach (var l in lines) { matched += set.Match(l).Count; } }, repetitions: 3);
            var reference = withReference
                ? Harness.Measure(lines.Count, () => { foreach (var l in lines) { referenceMatched += set.MatchReference(l).Count; } }, repetitions: 3)
                : fast;
            if (withReference && matched != referenceMatched)
            {
                throw new InvalidOperationException($"{count} topics: {matched} matches, reference {referenceMatched}");
            }

            baseline ??= fast.Seconds;
            referenceBaseline ??= reference.Seconds;
            var ratio = fast.Seconds / baseline.Value;
            rows.Add([Harness.F(count, "N0"), Harness.F(megabytes / fast.Seconds, "N1"), Harness.F(ratio, "N2") + "x", Harness.F(fast.AllocatedPerOp, "N0"),
                Harness.F(megabytes / reference.Seconds, "N1"), Harness.F(reference.Seconds / referenceBaseline.Value, "N2") + "x", Harness.F(reference.Seconds / fast.Seconds, "N2") + "x",
                Harness.F(matched / 4.0 / lines.Count, "N1"), count == 10 ? "baseline" : ratio < 2 ? "met" : "not met"]);
        }
        Harness.Table($"Watch topics: 10, 100 and 1,000 topics over {megabytes:N0} MB of news text (10,000 articles)", "DOTNET_TieredCompilation=0 dotnet bench/DuLuan.Bench/bin/Release/net10.0/DuLuan.Bench.dll text rules",
            ["topics", "bit sets MB/s", "time vs 10 topics", "B/article", "reference MB/s", "reference time vs 10 topics", "bit sets speed-up", "matches per article", "goal < 2x"], rows);
    }

    private static IEnumerable<KeyValuePair<string, string>> Topics(string[] vocabulary, int count)
    {
        var random = new Random(count);
        string W() => vocabulary[random.Next(vocabulary.Length)];
        for (var i = 0; i < count; i++)
        {
            var expression = (i % 4) switch
            {
                0 => $"{W()} {W()} AND ({W()} OR {W()})",
                1 => $"{W()} NEAR/5 {W()}",
                2 => $"\"{W()}\" AND NOT {W()}",
                _ => $"({W()} OR {W()} OR {W()}) AND {W()}",
            };
            yield return KeyValuePair.Create($"topic{i}", expression);
        }
    }
}
