namespace DuLuan.Analysis.Text;

public sealed partial class TextClassifier
{
    public static TextClassifier Train(IReadOnlyList<(string Text, string Label)> examples, ClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new ClassifierOptions();
        if (examples.Count == 0)
        {
            throw new ArgumentException("No training examples.", nameof(examples));
        }

        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var vocabulary = new Dictionary<ulong, int>();
        var documentFrequency = new List<int>();
        var docs = new List<(Dictionary<ulong, int> Counts, int Label)>(examples.Count);
        foreach (var (text, label) in examples)
        {
            var counts = new Dictionary<ulong, int>();
            TextFeatures.Extract(text, options.Bigrams, options.Words, counts);
            foreach (var key in counts.Keys)
            {
                if (!vocabulary.TryGetValue(key, out var index))
                {
                    vocabulary[key] = index = vocabulary.Count;
                    documentFrequency.Add(0);
                }
                documentFrequency[index]++;
            }
            docs.Add((counts, labelIndex[label]));
        }
        var v = vocabulary.Count;
        var idf = documentFrequency.Select(df => MathF.Log((1f + docs.Count) / (1f + df)) + 1f).ToArray();
        var weights = new float[labels.Length * v];
        var bias = new float[labels.Length];
        var model = new TextClassifier(options, labels, vocabulary, idf, weights, bias);
        if (options.Kind == ClassifierKind.NaiveBayes)
        {
            model.FitNaiveBayes(docs);
        }
        else
        {
            if (options.Kind == ClassifierKind.NaiveBayesWeightedLogistic)
            {
                ScaleByClassRatio(docs, labels.Length, vocabulary, idf);
            }
            model.FitLogistic(docs);
        }

        return model;
    }

    /// <summary>Multiplies each feature's IDF by the spread of its Laplace-smoothed class log-probabilities.</summary>
    private static void ScaleByClassRatio(List<(Dictionary<ulong, int> Counts, int Label)> docs, int classes, Dictionary<ulong, int> vocabulary, float[] idf)
    {
        var v = vocabulary.Count;
        var counts = new float[classes * v];
        var totals = new double[classes];
        foreach (var (doc, label) in docs)
        {
            foreach (var (key, count) in doc)
            {
                counts[label * v + vocabulary[key]] += count;
                totals[label] += count;
            }
        }
        var denominators = totals.Select(t => Math.Log(t + v)).ToArray();
        for (var f = 0; f < v; f++)
        {
            double min = double.MaxValue, max = double.MinValue;
            for (var c = 0; c < classes; c++)
            {
                var log = Math.Log(counts[c * v + f] + 1) - denominators[c];
                min = Math.Min(min, log);
                max = Math.Max(max, log);
            }
            idf[f] *= (float)(max - min);
        }
    }

    private void FitNaiveBayes(List<(Dictionary<ulong, int> Counts, int Label)> docs)
    {
        var v = vocabulary.Count;
        var totals = new double[labels.Length];
        var classDocs = new int[labels.Length];
        foreach (var (counts, label) in docs)
        {
            classDocs[label]++;
            foreach (var (key, count) in counts)
            {
                weights[label * v + vocabulary[key]] += count;
                totals[label] += count;
            }
        }
        for (var c = 0; c < labels.Length; c++)
        {
            var denominator = Math.Log(totals[c] + v);
            for (var f = 0; f < v; f++)
            {
                weights[c * v + f] = (float)(Math.Log(weights[c * v + f] + 1) - denominator);
            }

            bias[c] = (float)Math.Log((double)classDocs[c] / docs.Count);
        }
    }

    private void FitLogistic(List<(Dictionary<ulong, int> Counts, int Label)> docs)
    {
        var v = vocabulary.Count;
        var vectors = docs.Select(d =>
        {
            var features = new (int, float)[d.Counts.Count];
            var n = Vectorize(d.Counts, features);
            return (Features: features[..n], d.Label);
        }).ToArray();
        var random = new Random(Options.Seed);
        var probabilities = new float[labels.Length];
        var step = 0;
        for (var epoch = 0; epoch < Options.Epochs; epoch++)
        {
            random.Shuffle(vectors);
            foreach (var (features, label) in vectors)
            {
                var rate = Options.LearningRate / (1 + Options.LearningRate * Options.L2 * step++);
                Scores(features, probabilities);
                Softmax(probabilities);
                for (var c = 0; c < labels.Length; c++)
                {
                    var gradient = probabilities[c] - (c == label ? 1f : 0f);
                    bias[c] -= rate * gradient;
                    var row = weights.AsSpan(c * v, v);
                    foreach (var (index, value) in features)
                    {
                        row[index] -= rate * (gradient * value + Options.L2 * row[index]);
                    }
                }
            }
        }
    }
}
