namespace DuLuan.Analysis.Text;

public readonly record struct PrecisionRecall(double Precision, double Recall, int TruePositives, int Predicted, int Gold)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Word-level precision/recall/F1 of word spans against gold forms (text = forms joined by spaces).</summary>
public static class SegmentationEvaluator
{
    public static PrecisionRecall Evaluate(WordSegmenter segmenter, IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(sentences);
        int tp = 0, predicted = 0, gold = 0;
        var goldSpans = new HashSet<(int, int)>();
        foreach (var forms in sentences)
        {
            var text = string.Join(' ', forms);
            goldSpans.Clear();
            var offset = 0;
            foreach (var form in forms)
            {
                goldSpans.Add((offset, form.Length));
                offset += form.Length + 1;
            }
            gold += goldSpans.Count;
            foreach (var word in segmenter.Segment(text))
            {
                predicted++;
                if (goldSpans.Contains((word.Start, word.Length)))
                {
                    tp++;
                }
            }
        }
        return new PrecisionRecall(predicted == 0 ? 0 : (double)tp / predicted, gold == 0 ? 0 : (double)tp / gold, tp, predicted, gold);
    }
}
