namespace DuLuan.Analysis.Text;

/// <summary>
/// Trainable topic classifier. Scores are softmax probabilities (for logistic regression these are what the model
/// was fitted to, so they are calibrated on the training distribution). Save/Load use caller-owned streams.
/// </summary>
public sealed partial class TextClassifier
{
    private readonly string[] labels;
    private readonly Dictionary<ulong, int> vocabulary;
    private readonly float[] idf;
    private readonly float[] weights; // class-major: weights[c * V + f]
    private readonly float[] bias;

    private TextClassifier(ClassifierOptions options, string[] labels, Dictionary<ulong, int> vocabulary, float[] idf, float[] weights, float[] bias)
    {
        Options = options;
        this.labels = labels;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
    }

    public ClassifierOptions Options { get; }

    public IReadOnlyList<string> Labels => labels;

    public int FeatureCount => vocabulary.Count;

    public ClassPrediction Predict(string text)
    {
        var probabilities = new float[labels.Length];
        var best = Predict(text, probabilities, new Dictionary<ulong, int>());
        var map = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var c = 0; c < labels.Length; c++)
        {
            map[labels[c]] = probabilities[c];
        }

        return new ClassPrediction(labels[best], map);
    }

    /// <summary>Fills class probabilities (in <see cref="Labels"/> order) and returns the best class index; reuse <paramref name="scratch"/> across calls.</summary>
    public int Predict(string text, Span<float> probabilities, Dictionary<ulong, int> scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        TextFeatures.Extract(text, Options.Bigrams, Options.Words, scratch);
        Span<(int Index, float Value)> features = scratch.Count <= 512 ? stackalloc (int, float)[scratch.Count] : new (int, float)[scratch.Count];
        var n = Vectorize(scratch, features);
        Scores(features[..n], probabilities);
        Softmax(probabilities);
        var best = 0;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }
        return best;
    }

    private int Vectorize(Dictionary<ulong, int> counts, Span<(int Index, float Value)> features)
    {
        var n = 0;
        var norm = 0f;
        foreach (var (key, count) in counts)
        {
            if (!vocabulary.TryGetValue(key, out var index))
            {
                continue;
            }

            var value = Options.Kind == ClassifierKind.NaiveBayes ? count : (1 + MathF.Log(count)) * idf[index];
            features[n++] = (index, value);
            norm += value * value;
        }
        if (Options.Kind != ClassifierKind.NaiveBayes && norm > 0)
        {
            var scale = 1 / MathF.Sqrt(norm);
            for (var k = 0; k < n; k++)
            {
                features[k].Value *= scale;
            }
        }
        return n;
    }

    private void Scores(ReadOnlySpan<(int Index, float Value)> features, Span<float> scores)
    {
        var v = vocabulary.Count;
        for (var c = 0; c < labels.Length; c++)
        {
            var s = bias[c];
            var row = weights.AsSpan(c * v, v);
            foreach (var (index, value) in features)
            {
                s += row[index] * value;
            }

            scores[c] = s;
        }
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }

        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
