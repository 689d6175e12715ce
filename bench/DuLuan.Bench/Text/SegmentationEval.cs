using System.Globalization;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

/// <summary>Word-level segmentation F1 of the embedded model on UD Vietnamese-VTB train and dev (../shared).</summary>
internal static class SegmentationEval
{
    public static int Run()
    {
        Console.WriteLine("| split | sentences | precision | recall | F1 |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var split in new[] { "train", "dev" })
        {
            var gold = Conllu.Read(Path.Combine(Corpus.SegmentationDir, $"vi_vtb-ud-{split}.conllu"));
            var score = SegmentationEvaluator.Evaluate(WordSegmenter.Default, gold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {split} | {gold.Count:N0} | {score.Precision:P2} | {score.Recall:P2} | {score.F1:P2} |"));
        }

        return 0;
    }
}
