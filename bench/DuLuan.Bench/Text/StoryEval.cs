using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

/// <summary>
/// Pairwise precision and recall of story grouping on the labelled pairs of Text/data/story-pairs.tsv (built by
/// make-story-pairs.py; see docs/text-core.md): the old grouping (MinHash Jaccard ≥ 0.4 only), the first pass with
/// <see cref="StoryFacts"/>, the place-and-written-date anchor, and the new one that also knows each document's
/// publication day (columns 5 and 6, yyyy-MM-dd), in the same run, overall and per kind of pair; then the cost of the facts.
/// </summary>
internal static class StoryEval
{
    private sealed record Pair(bool Same, string Kind, string A, string B, DateOnly? DayA, DateOnly? DayB);

    public static int Run(string[] args)
    {
        var file = args.ElementAtOrDefault(0) ?? Path.Combine(AppContext.BaseDirectory, "Text", "data", "story-pairs.tsv");
        var treebank = new Dictionary<string, List<string>>();
        var pairs = File.ReadLines(file).Skip(1).Select(line => line.Split('\t'))
            .Select(c => new Pair(c[0] == "1", c[1], Resolve(c[2], treebank), Resolve(c[3], treebank), Day(c, 4), Day(c, 5))).ToList();
        var hasher = new MinHasher();
        var outcomes = pairs.Select(p => (Pair: p, Old: Grouped(hasher, p, facts: false), Facts: Grouped(hasher, p, facts: true, anchored: false),
            Written: Grouped(hasher, p, facts: true), New: Grouped(hasher, p, facts: true, days: true))).ToList();

        Console.WriteLine($"`dotnet run -c Release --project bench/DuLuan.Bench -- text story-eval` ({pairs.Count} pairs: {pairs.Count(p => p.Same)} same story, {pairs.Count(p => !p.Same)} different)");
        Console.WriteLine();
        Console.WriteLine("| grouping | precision | recall | F1 | true pos | false pos | false neg |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        Row("old: Jaccard ≥ 0.4", outcomes.Select(o => (o.Pair.Same, o.Old)));
        Row("facts (fa523ff): Jaccard ≥ 0.4 + places, dates, amounts", outcomes.Select(o => (o.Pair.Same, o.Facts)));
        Row("anchor, publication days withheld: Jaccard ≥ 0.15 (≥ 0.05 for the same kind of event) naming the same place or amount on the same written date", outcomes.Select(o => (o.Pair.Same, o.Written)));
        Row("new: the same with publication days (the day of an undated text, ±1; stories > 3 days apart clash)", outcomes.Select(o => (o.Pair.Same, o.New)));
        Console.WriteLine();
        Console.WriteLine("| kind | label | pairs | old: grouped | facts: grouped | anchor: grouped | new: grouped |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in outcomes.GroupBy(o => Family(o.Pair.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var same = group.First().Pair.Same;
            Console.WriteLine($"| {group.Key} | {(same ? "same" : "different")} | {group.Count()} | {group.Count(o => o.Old)} | {group.Count(o => o.Facts)} | {group.Count(o => o.Written)} | {group.Count(o => o.New)} |");
        }
        foreach (var miss in outcomes.Where(o => o.Pair.Same != o.New).Take(int.Parse(args.ElementAtOrDefault(1) ?? "0", CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"\n{miss.Pair.Kind} (new says {(miss.New ? "same" : "different")}, Jaccard {MinHasher.Similarity(hasher.Signature(miss.Pair.A), hasher.Signature(miss.Pair.B)):F2}, events {StoryFacts.Of(miss.Pair.A).Events} / {StoryFacts.Of(miss.Pair.B).Events})\n  A: {StoryFacts.Of(miss.Pair.A, miss.Pair.DayA)}\n  B: {StoryFacts.Of(miss.Pair.B, miss.Pair.DayB)}\n  {miss.Pair.A}\n  {miss.Pair.B}");
        }

        Cost(hasher, pairs.SelectMany(p => new[] { p.A, p.B }).ToList());
        return 0;
    }

    private static DateOnly? Day(string[] columns, int i) =>
        columns.Length > i && columns[i].Length > 0 ? DateOnly.ParseExact(columns[i], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static bool Grouped(MinHasher hasher, Pair pair, bool facts, bool anchored = true, bool days = false)
    {
        var index = new NearDuplicateIndex(0.4, hasher, anchoredThreshold: anchored ? NearDuplicateIndex.DefaultAnchoredThreshold : 2);
        if (facts)
        {
            index.Add(pair.A, StoryFacts.Of(pair.A, days ? pair.DayA : null));
            return index.Add(pair.B, StoryFacts.Of(pair.B, days ? pair.DayB : null)) == index.ClusterOf(0);
        }
        index.Add(pair.A);
        return index.Add(pair.B) == index.ClusterOf(0);
    }

    private static void Row(string name, IEnumerable<(bool Same, bool Grouped)> outcomes)
    {
        var list = outcomes.ToList();
        var tp = list.Count(o => o.Same && o.Grouped);
        var fp = list.Count(o => !o.Same && o.Grouped);
        var fn = list.Count(o => o.Same && !o.Grouped);
        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {precision:F3} | {recall:F3} | {f1:F3} | {tp} | {fp} | {fn} |"));
    }

    // "template-flood-other-place" -> "template-*-other-place": one row per kind of pair, not per template.
    private static string Family(string kind)
    {
        var prefix = kind[..(kind.IndexOf('-', StringComparison.Ordinal) + 1)];
        if (prefix is not ("template-" or "undated-"))
        {
            return kind;
        }

        foreach (var suffix in new[] { "-same-event", "-other-place-reworded", "-other-place", "-other-date", "-other-day-reworded", "-other-day" })
        {
            if (kind.EndsWith(suffix, StringComparison.Ordinal))
            {
                return prefix + "*" + suffix;
            }
        }
        return kind;
    }

    private static void Cost(MinHasher hasher, List<string> texts)
    {
        var chars = texts.Sum(t => (long)t.Length);
        var signature = new uint[hasher.HashCount];
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < 20; r++)
        {
            foreach (var text in texts)
            {
                hasher.Signature(text, signature);
            }
        }
        var signatureSeconds = sw.Elapsed.TotalSeconds / 20;
        sw.Restart();
        var found = 0;
        for (var r = 0; r < 20; r++)
        {
            foreach (var text in texts)
            {
                found += StoryFacts.Of(text).IsEmpty ? 0 : 1;
            }
        }
        var factSeconds = sw.Elapsed.TotalSeconds / 20;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cost per document ({texts.Count} documents, {chars / texts.Count} characters on average): MinHash signature {signatureSeconds / texts.Count * 1e6:F1} µs, facts {factSeconds / texts.Count * 1e6:F1} µs ({chars / factSeconds / 1e6:F1} M characters/s); {found / 20} documents name a place, date or amount."));

        // Adding to one index: every document, without publication days and with all of them on one day (the worst case
        // for the day anchors: every ward named meets every other report of it).
        var signatures = texts.Select(t => hasher.Signature(t)).ToList();
        var plain = texts.Select(t => StoryFacts.Of(t)).ToList();
        var oneDay = plain.Select(f => f.On(new DateOnly(2026, 12, 7))).ToList();
        IndexSeconds(hasher, signatures, plain);
        IndexSeconds(hasher, signatures, oneDay);
        var withoutDays = IndexSeconds(hasher, signatures, plain);
        var withDays = IndexSeconds(hasher, signatures, oneDay);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Index add per document ({texts.Count} documents into one index, best of 5): without publication days {withoutDays / texts.Count * 1e6:F1} µs, all published the same day {withDays / texts.Count * 1e6:F1} µs."));
    }

    private static double IndexSeconds(MinHasher hasher, List<uint[]> signatures, List<StoryFacts> facts)
    {
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            var index = new NearDuplicateIndex(0.4, hasher);
            for (var i = 0; i < signatures.Count; i++)
            {
                index.Add(signatures[i], facts[i]);
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string Resolve(string document, Dictionary<string, List<string>> treebank)
    {
        if (document.StartsWith("text:", StringComparison.Ordinal))
        {
            return document["text:".Length..];
        }

        // vtb:<split>:<i>,<j>,...|fold|replace=Old>New
        var parts = document.Split('|');
        var head = parts[0].Split(':');
        if (!treebank.TryGetValue(head[1], out var sentences))
        {
            // The "# text =" lines, as make-story-pairs.py numbers them.
            sentences = File.ReadLines(Path.Combine(Corpus.SegmentationDir, $"vi_vtb-ud-{head[1]}.conllu"))
                .Where(l => l.StartsWith("# text =", StringComparison.Ordinal)).Select(l => l["# text =".Length..].Trim()).ToList();
            treebank[head[1]] = sentences;
        }
        var text = string.Join(" ", head[2].Split(',').Select(i => sentences[int.Parse(i, CultureInfo.InvariantCulture)]));
        foreach (var op in parts.Skip(1))
        {
            if (op == "fold")
            {
                text = VietnameseFold.Fold(text);
            }
            else if (op.StartsWith("replace=", StringComparison.Ordinal))
            {
                var swap = op["replace=".Length..].Split('>');
                text = text.Replace(swap[0], swap[1], StringComparison.Ordinal);
            }
        }
        return text;
    }
}
