using Microsoft.ML;
using Microsoft.ML.Data;

namespace DuLuan.Bench.Text;

/// <summary>
/// ML.NET 6.0.0 (Microsoft.ML, bench only) on the same split, for the same-run comparison #18 asks for: FeaturizeText
/// (word 1-2 grams and character 3-grams, L2) and SDCA maximum entropy, a multinomial logistic model like ours.
/// </summary>
internal static class MlNetClassifier
{
    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public string Label { get; set; } = "";
    }

    /// <summary>Trains on <paramref name="train"/>; returns the training seconds, test accuracy, macro-F1 and a per-text predictor.</summary>
    public static (double TrainSeconds, double Accuracy, double MacroF1, List<string> Predicted, Func<string, string> Predict) Run(List<(string Text, string Label)> train, List<(string Text, string Label)> test)
    {
        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(train.Select(t => new Row { Text = t.Text, Label = t.Label }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", "Text"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var model = pipeline.Fit(data);
        var seconds = sw.Elapsed.TotalSeconds;
        var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        var predicted = test.Select(t => engine.Predict(new Row { Text = t.Text }).Label).ToList();
        var right = test.Where((t, i) => predicted[i] == t.Label).Count();
        var f1 = test.Select(t => t.Label).Distinct().Select(label =>
        {
            var tp = test.Where((t, i) => t.Label == label && predicted[i] == label).Count();
            var precision = tp / Math.Max(1.0, predicted.Count(p => p == label));
            var recall = tp / Math.Max(1.0, test.Count(t => t.Label == label));
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }).Average();
        return (seconds, (double)right / test.Count, f1, predicted, text => engine.Predict(new Row { Text = text }).Label);
    }
}
