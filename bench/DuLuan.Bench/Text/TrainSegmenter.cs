using System.Diagnostics;
using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

/// <summary>
/// Trains the shipped segmenter on UD Vietnamese-VTB train with the Viet74K word list (npm @vntk/dictionary, MIT,
/// fetched and embedded by the build of DuLuan.Analysis) as features, reports train/dev F1, writes the embedded model,
/// which references the word list (count and fingerprint) instead of holding it.
/// </summary>
internal static class TrainSegmenter
{
    public static int Run(string dataDir, string outPath)
    {
        var dictionary = Viet74K.ModelEntries();
        var train = Conllu.Read(Path.Combine(dataDir, "vi_vtb-ud-train.conllu"));
        var dev = Conllu.Read(Path.Combine(dataDir, "vi_vtb-ud-dev.conllu"));
        foreach (var epochs in new[] { 4, 8, 12 })
        {
            var sw = Stopwatch.StartNew();
            var model = WordSegmenterTrainer.Train(train, epochs, dictionary: dictionary);
            var t = SegmentationEvaluator.Evaluate(model, train);
            var d = SegmentationEvaluator.Evaluate(model, dev);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epochs {epochs}: train F1 {t.F1:P2} (P {t.Precision:P2} R {t.Recall:P2}), dev F1 {d.F1:P2} (P {d.Precision:P2} R {d.Recall:P2}), {sw.ElapsedMilliseconds} ms"));
        }
        var final = WordSegmenterTrainer.Train(train, 8, dictionary: dictionary);
        using (var stream = File.Create(outPath))
        {
            WordSegmenterTrainer.Save(final, train, stream, dictionaryByReference: true);
        }
        Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length} bytes, {final.DictionaryWords.Count:N0} dictionary words)");
        return 0;
    }
}
