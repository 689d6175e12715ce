using System.Globalization;
using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

internal static class TextBenchmarks
{
    public static int Run(string[] args)
    {
        var only = args.FirstOrDefault();
        bool Want(string name) => only is null || string.Equals(only, name, StringComparison.Ordinal);
        Console.WriteLine($"# DuLuan text benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd})");
        var sentences = Corpus.Sentences();
        if (Want("fold"))
        {
            NormalizeFold(sentences);
        }

        if (Want("tokenize"))
        {
            TokenizeSegment(sentences);
        }

        if (Want("minhash"))
        {
            DedupBenchmarks.Run(sentences, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
        }

        if (Want("rules"))
        {
            RuleBenchmarks.Run(sentences, withReference: args.ElementAtOrDefault(1) != "fast");
        }

        if (Want("classifier"))
        {
            ClassifierBenchmarks.Run();
        }

        return 0;
    }

    private static void NormalizeFold(List<string> sentences)
    {
        var lines = Enumerable.Range(0, 6).SelectMany(_ => sentences).ToList();
        var decomposed = lines.Select(l => l.Normalize(NormalizationForm.FormD)).ToList();
        var oldStyle = lines.Select(l => VietnameseNormalizer.NormalizeReference(l, ToneMarkStyle.Old)).ToList();
        var rows = new List<string[]>();
        foreach (var (name, input) in new[] { ("NFC news text", lines), ("same text in NFD (decomposed)", decomposed), ("same text, old tone placement (hoà, thuỷ)", oldStyle) })
        {
            var bytes = input.Sum(l => (long)Encoding.UTF8.GetByteCount(l));
            double Mb(Harness.Result r) => bytes / r.Seconds / 1e6;
            var naive = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = Naive(l); } });
            var reference = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = VietnameseFold.Fold(VietnameseNormalizer.NormalizeReference(l)); } });
            var previous = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = PreviousCleanTextPass.NormalizeAndFold(l, out _); } });
            var onePass = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = VietnameseNormalizer.NormalizeAndFold(l, out _); } });
            var previousNorm = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = PreviousCleanTextPass.Normalize(l); } });
            var normOnly = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = VietnameseNormalizer.Normalize(l); } });
            var foldOnly = Harness.Measure(input.Count, () => { foreach (var l in input) { _ = VietnameseFold.Fold(l); } });
            rows.Add([name, Harness.F(Mb(naive)), Harness.F(Mb(reference)), Harness.F(Mb(previous)), Harness.F(Mb(onePass)), Harness.F(Mb(previousNorm)), Harness.F(Mb(normOnly)), Harness.F(Mb(foldOnly)),
                Harness.F(naive.Seconds / onePass.Seconds) + "x", Harness.F(previous.Seconds / onePass.Seconds) + "x", Harness.F(previousNorm.Seconds / normOnly.Seconds) + "x",
                Harness.F(onePass.Seconds / foldOnly.Seconds) + "x", Harness.F(naive.AllocatedPerOp, "N0"), Harness.F(onePass.AllocatedPerOp, "N0"), Mb(onePass) >= 300 ? "met" : "not met"]);
        }
        Harness.Table("Normalise + fold vs naive .NET pipeline", "DOTNET_TieredCompilation=0 dotnet bench/DuLuan.Bench/bin/Release/net10.0/DuLuan.Bench.dll text fold",
            ["input (UD VTB dev sentences x6)", "naive MB/s (baseline)", "reference normalise, then fold MB/s", "previous NormalizeAndFold MB/s", "NormalizeAndFold MB/s", "previous Normalize MB/s", "Normalize MB/s", "fold alone MB/s",
                "NormalizeAndFold vs naive", "NormalizeAndFold vs previous", "Normalize vs previous", "NormalizeAndFold time / fold alone time", "naive B/line", "NormalizeAndFold B/line", "goal >= 300 MB/s"], rows);
    }

    private static string Naive(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).Replace('\u0111', 'd').Replace('\u0110', 'D').ToLowerInvariant();
    }

    private static void TokenizeSegment(List<string> sentences)
    {
        var text = string.Join('\n', Enumerable.Range(0, 10).SelectMany(_ => sentences));
        var syllables = SyllableTokenizer.CountSyllables(text);
        var tokens = new List<Token>(text.Length / 3);
        var count = Harness.Measure(syllables, () => SyllableTokenizer.CountSyllables(text));
        var tokenize = Harness.Measure(syllables, () =>
        {
            tokens.Clear();
            SyllableTokenizer.Tokenize(text, tokens);
        });
        var lines = Enumerable.Range(0, 4).SelectMany(_ => sentences).ToList();
        var lineSyllables = lines.Sum(l => SyllableTokenizer.CountSyllables(l));
        var words = new List<Word>();
        var segmenter = WordSegmenter.Default;
        var segment = Harness.Measure(lineSyllables, () =>
        {
            foreach (var line in lines)
            {
                tokens.Clear();
                words.Clear();
                SyllableTokenizer.Tokenize(line, tokens);
                segmenter.Segment(line, tokens, words);
            }
        });
        Harness.Table("Tokenise and segment", "dotnet run -c Release --project bench/DuLuan.Bench -- text tokenize",
            ["operation", "syllables", "M syllables/s", "B/syllable", "goal", "met"],
            [
                ["count syllables (no list)", Harness.F(syllables, "N0"), Harness.F(syllables / count.Seconds / 1e6, "N2"), Harness.F(count.AllocatedPerOp, "N2"), ">= 5 M/s", syllables / count.Seconds >= 5e6 ? "met" : "not met"],
                ["tokenise into reused List<Token>", Harness.F(syllables, "N0"), Harness.F(syllables / tokenize.Seconds / 1e6, "N2"), Harness.F(tokenize.AllocatedPerOp, "N2"), ">= 5 M/s", syllables / tokenize.Seconds >= 5e6 ? "met" : "not met"],
                ["tokenise + segment (per sentence)", Harness.F(lineSyllables, "N0"), Harness.F(lineSyllables / segment.Seconds / 1e6, "N2"), Harness.F(segment.AllocatedPerOp, "N2"), ">= 1 M/s", lineSyllables / segment.Seconds >= 1e6 ? "met" : "not met"],
            ]);
    }
}
