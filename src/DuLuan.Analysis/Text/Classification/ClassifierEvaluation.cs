namespace DuLuan.Analysis.Text;

public sealed record LabelScore(string Label, double Precision, double Recall, double F1, int Support);

public sealed record ClassifierReport(double Accuracy, double MacroF1, IReadOnlyList<LabelScore> PerLabel, int Count);

public static class ClassifierEvaluation
{
    public static ClassifierReport Evaluate(TextClassifier classifier, IReadOnlyList<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        var labels = classifier.Labels.Union(examples.Select(e => e.Label), StringComparer.Ordinal).ToArray();
        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        var probabilities = new float[classifier.Labels.Count];
        var scratch = new Dictionary<ulong, int>();
        var correct = 0;
        foreach (var (text, label) in examples)
        {
            var guess = classifier.Labels[classifier.Predict(text, probabilities, scratch)];
            predicted[guess] = predicted.GetValueOrDefault(guess) + 1;
            gold[label] = gold.GetValueOrDefault(label) + 1;
            if (string.Equals(guess, label, StringComparison.Ordinal))
            {
                correct++;
                tp[label] = tp.GetValueOrDefault(label) + 1;
            }
        }
        var perLabel = labels.Select(l =>
        {
            var t = tp.GetValueOrDefault(l);
            var p = predicted.GetValueOrDefault(l) == 0 ? 0 : (double)t / predicted[l];
            var r = gold.GetValueOrDefault(l) == 0 ? 0 : (double)t / gold[l];
            return new LabelScore(l, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold.GetValueOrDefault(l));
        }).ToList();
        var scored = perLabel.Where(s => s.Support > 0).ToList();
        return new ClassifierReport(examples.Count == 0 ? 0 : (double)correct / examples.Count, scored.Count == 0 ? 0 : scored.Average(s => s.F1), perLabel, examples.Count);
    }
}
