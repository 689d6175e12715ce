namespace DuLuan.Analysis.Text;

public enum ClassifierKind
{
    /// <summary>Softmax (multinomial logistic) regression over TF-IDF features: the default.</summary>
    LogisticRegression = 0,

    /// <summary>Multinomial Naive Bayes over raw counts with Laplace smoothing: the baseline.</summary>
    NaiveBayes = 1,

    /// <summary>
    /// NB-weighted softmax regression (in the spirit of NB-SVM): each TF-IDF feature is scaled by how far apart its
    /// smoothed class log-probabilities are (max minus min over classes), so class-telling n-grams weigh more.
    /// </summary>
    NaiveBayesWeightedLogistic = 2,
}

public sealed record ClassifierOptions
{
    public ClassifierKind Kind { get; init; } = ClassifierKind.LogisticRegression;

    public bool Bigrams { get; init; } = true;

    public bool Words { get; init; } = true;

    public int Epochs { get; init; } = 12;

    public float L2 { get; init; } = 1e-5f;

    public float LearningRate { get; init; } = 0.5f;

    public int Seed { get; init; } = 7;

    /// <summary>Plain NB baseline: syllable unigrams only, raw counts.</summary>
    public static ClassifierOptions PlainNaiveBayes { get; } = new() { Kind = ClassifierKind.NaiveBayes, Bigrams = false, Words = false };
}

public sealed record ClassPrediction(string Label, IReadOnlyDictionary<string, float> Probabilities);
