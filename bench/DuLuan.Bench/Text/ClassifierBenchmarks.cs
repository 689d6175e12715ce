using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

internal static class ClassifierBenchmarks
{
    public static void Run()
    {
        var dir = Path.Combine(Corpus.SharedData, "uit-vsfc");
        var train = Load(Path.Combine(dir, "train"));
        var test = Load(Path.Combine(dir, "test"));
        var rows = new List<string[]>();
        var predictions = new Dictionary<ClassifierKind, List<string>>();
        foreach (var (name, options) in new[]
        {
            ("plain multinomial NB (syllable unigrams, counts) - baseline", ClassifierOptions.PlainNaiveBayes),
            ("NB + bigrams + words", ClassifierOptions.PlainNaiveBayes with { Bigrams = true, Words = true }),
            ("TF-IDF softmax regression (syllable 1-2 grams + words) - default", new ClassifierOptions()),
            ("NB-weighted TF-IDF softmax regression (syllable 1-2 grams + words)", new ClassifierOptions { Kind = ClassifierKind.NaiveBayesWeightedLogistic }),
        })
        {
            var sw = Stopwatch.StartNew();
            var model = TextClassifier.Train(train, options);
            var trainSeconds = sw.Elapsed.TotalSeconds;
            var report = ClassifierEvaluation.Evaluate(model, test);
            if (options.Bigrams)
            {
                predictions[options.Kind] = test.Select(t => model.Predict(t.Item1).Label).ToList();
            }

            var probabilities = new float[model.Labels.Count];
            var scratch = new Dictionary<ulong, int>();
            var predict = Harness.Measure(test.Count, () => { foreach (var (text, _) in test) { model.Predict(text, probabilities, scratch); } }, repetitions: 3);
            rows.Add([name, Harness.F(trainSeconds, "N2") + " s", Harness.F(report.Accuracy * 100, "N2"), Harness.F(report.MacroF1 * 100, "N2"),
                Harness.F(test.Count / predict.Seconds, "N0"), Harness.F(predict.AllocatedPerOp, "N0")]);
        }
        var ml = MlNetClassifier.Run(train, test);
        var mlPredict = Harness.Measure(test.Count, () => { foreach (var (text, _) in test) { ml.Predict(text); } }, repetitions: 3);
        rows.Add(["ML.NET 6.0.0: FeaturizeText (words 1-2, chars 3) + SDCA maximum entropy", Harness.F(ml.TrainSeconds, "N2") + " s", Harness.F(ml.Accuracy * 100, "N2"), Harness.F(ml.MacroF1 * 100, "N2"),
            Harness.F(test.Count / mlPredict.Seconds, "N0"), Harness.F(mlPredict.AllocatedPerOp, "N0")]);
        foreach (var (kind, ours) in predictions.Where(p => p.Key != ClassifierKind.NaiveBayes))
        {
            // McNemar's test on the documents exactly one of the two models gets right (chi-squared, 1 df, continuity-corrected).
            var oursOnly = test.Where((t, i) => ours[i] == t.Item2 && ml.Predicted[i] != t.Item2).Count();
            var mlOnly = test.Where((t, i) => ours[i] != t.Item2 && ml.Predicted[i] == t.Item2).Count();
            var chi2 = Math.Pow(Math.Abs(oursOnly - mlOnly) - 1, 2) / Math.Max(1, oursOnly + mlOnly);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"McNemar {kind} vs ML.NET: only ours right {oursOnly}, only ML.NET right {mlOnly}, chi2 {chi2:F2} ({(chi2 >= 3.84 ? "significant" : "not significant")} at p < 0.05)"));
        }

        Harness.Table($"Classifier on UIT-VSFC topics (train {train.Count:N0}, test {test.Count:N0})", "dotnet run -c Release --project bench/DuLuan.Bench -- text classifier",
            ["model", "train time", "accuracy %", "macro-F1 %", "docs/s", "B/doc classified"], rows);
    }

    private static List<(string, string)> Load(string split)
    {
        string[] names = ["lecturer", "curriculum", "facility", "others"];
        return File.ReadAllLines(Path.Combine(split, "sents.txt")).Zip(File.ReadAllLines(Path.Combine(split, "topics.txt")))
            .Select(p => (p.First, names[int.Parse(p.Second.Trim(), CultureInfo.InvariantCulture)])).ToList();
    }
}
