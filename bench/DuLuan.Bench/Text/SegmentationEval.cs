using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

/// <summary>
/// Word-level segmentation F1 and speed of the embedded model (UD VTB train + Viet74K features) next to the previous
/// model (UD VTB train only, retrained here by the same code path without a dictionary), on UD Vietnamese-VTB
/// train, dev and, when present beside them, test (../shared).
/// </summary>
internal static class SegmentationEval
{
    public static int Run()
    {
        var train = Conllu.Read(Path.Combine(Corpus.SegmentationDir, "vi_vtb-ud-train.conllu"));
        var sw = Stopwatch.StartNew();
        var previous = WordSegmenterTrainer.Train(train);
        Console.WriteLine($"previous model retrained in {sw.ElapsedMilliseconds} ms");
        var models = new (string Name, WordSegmenter Model)[]
        {
            ("previous: VTB train only", previous),
            ("embedded: VTB train + Viet74K features", WordSegmenter.Default),
        };
        var splits = new List<(string Name, List<IReadOnlyList<string>> Gold)> { ("train", train) };
        foreach (var split in new[] { "dev", "test" })
        {
            var path = Path.Combine(Corpus.SegmentationDir, $"vi_vtb-ud-{split}.conllu");
            if (File.Exists(path))
            {
                splits.Add((split, Conllu.Read(path)));
            }
            else
            {
                Console.WriteLine($"({split}: {path} not found, not reported)");
            }
        }

        Console.WriteLine("| model | split | sentences | precision | recall | F1 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, model) in models)
        {
            foreach (var (split, gold) in splits)
            {
                var score = SegmentationEvaluator.Evaluate(model, gold);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {split} | {gold.Count:N0} | {score.Precision:P2} | {score.Recall:P2} | {score.F1:P2} |"));
            }
        }

        var sentences = Corpus.Sentences();
        Console.WriteLine();
        Console.WriteLine("| model | syllables | M syllables/s (tokenise + segment, per sentence, best of 2 x 5, alternated) |");
        Console.WriteLine("| --- | --- | --- |");
        // Alternated twice so neither model gains from running second on a shared machine.
        var speeds = new (long Syllables, double PerSecond)[models.Length];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var m = 0; m < models.Length; m++)
            {
                var measured = Speed(models[m].Model, sentences);
                speeds[m] = (measured.Syllables, Math.Max(speeds[m].PerSecond, measured.PerSecond));
            }
        }
        for (var m = 0; m < models.Length; m++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {models[m].Name} | {speeds[m].Syllables:N0} | {speeds[m].PerSecond / 1e6:F2} |"));
        }
        return 0;
    }

    private static (long Syllables, double PerSecond) Speed(WordSegmenter model, List<string> sentences)
    {
        var tokens = new List<Token>();
        var words = new List<Word>();
        var best = double.MaxValue;
        long syllables = 0;
        for (var round = 0; round < 6; round++)
        {
            syllables = 0;
            var sw = Stopwatch.StartNew();
            for (var repeat = 0; repeat < 4; repeat++)
            {
                foreach (var sentence in sentences)
                {
                    tokens.Clear();
                    words.Clear();
                    SyllableTokenizer.Tokenize(sentence, tokens);
                    model.Segment(sentence, tokens, words);
                    syllables += tokens.Count;
                }
            }
            if (round > 0)
            {
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
        }
        return (syllables, syllables / best);
    }
}
