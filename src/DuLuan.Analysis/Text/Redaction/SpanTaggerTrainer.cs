namespace DuLuan.Analysis.Text;

/// <summary>A line of annotated text: character spans that must be removed, of kind PersonName or Address (others are ignored).</summary>
public sealed record AnnotatedLine(string Text, IReadOnlyList<RedactionSpan> Remove);

/// <summary>
/// Trains <see cref="SpanTagger"/>: structured averaged perceptron: each line decoded whole (Viterbi, as when tagging) and corrected where it differs from the gold labels, lines in a
/// seeded shuffle (the same lines and seed give the same weights). The rules tuned on the same lines find almost all of
/// them, so for a share of the lines in each epoch what the rules found is hidden: the model must learn the words
/// around names and homes, not only to copy the rules.
/// </summary>
public static class SpanTaggerTrainer
{
    /// <summary>The shipped model's settings, chosen by 5-fold cross-validation over the development lines (`train-redactor --cv`).</summary>
    public const int ShippedEpochs = 10;
    public const double ShippedHideRules = 0.3;
    public const float ShippedNameBias = 2f;

    /// <summary>The shipped model from these lines: the same lines in the same order give the same bytes.</summary>
    public static SpanTagger TrainShipped(IReadOnlyList<AnnotatedLine> lines)
        => Train(lines, ShippedEpochs, seed: 1, ShippedHideRules).WithNameBias(ShippedNameBias);

    public static SpanTagger Train(IReadOnlyList<AnnotatedLine> lines, int epochs = 10, int seed = 1, double hideRules = 0.5)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var examples = lines.Select(Prepare).ToList();
        var size = SpanFeatures.Size * SpanTagger.Labels;
        var weights = new float[size];
        var totals = new float[size];
        var stamps = new int[size];
        var model = new SpanTagger(weights);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var time = 1;
        var features = new int[SpanFeatures.PerWord];
        void Update(int index, float by)
        {
            totals[index] += (time - stamps[index]) * weights[index];
            stamps[index] = time;
            weights[index] += by;
        }
        void UpdateWord(RedactionText view, SpanFeatures.WordInfo[] info, byte[] marks, int i, int label, int previous, int beforePrevious, float by)
        {
            foreach (var f in features.AsSpan(0, SpanFeatures.Extract(view, info, marks, i, features)))
            {
                Update((f * SpanTagger.Labels) + label, by);
            }
            foreach (var f in features.AsSpan(0, SpanFeatures.ExtractAfter(info, marks, i, previous, features)))
            {
                Update((f * SpanTagger.Labels) + label, by);
            }
            Update((SpanFeatures.Pair(previous, beforePrevious) * SpanTagger.Labels) + label, by);
            if (info[i].Join != 0)
            {
                Update((SpanFeatures.JoinedPair(previous, beforePrevious, info[i].Join) * SpanTagger.Labels) + label, by);
            }
        }

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var e in order)
            {
                var (view, info, marks, gold) = examples[e];
                var used = random.NextDouble() < hideRules ? new byte[marks.Length] : marks;
                var guess = new int[gold.Length];
                model.Decode(view, info, used, 0f, guess);
                int g1 = SpanTagger.Outside, g2 = SpanTagger.Outside, p1 = SpanTagger.Outside, p2 = SpanTagger.Outside;
                for (var i = 0; i < gold.Length; i++)
                {
                    if (gold[i] != guess[i] || g1 != p1 || g2 != p2)
                    {
                        UpdateWord(view, info, used, i, gold[i], g1, g2, 1f);
                        UpdateWord(view, info, used, i, guess[i], p1, p2, -1f);
                    }
                    (g2, g1, p2, p1) = (g1, gold[i], p1, guess[i]);
                }
                time++;
            }
        }
        for (var i = 0; i < size; i++)
        {
            totals[i] += (time - stamps[i]) * weights[i];
            weights[i] = totals[i] / time;
        }
        return model;
    }

    private static (RedactionText View, SpanFeatures.WordInfo[] Info, byte[] Marks, int[] Gold) Prepare(AnnotatedLine line)
    {
        var (view, marks) = PersonalDataRedactor.RuleMarks(line.Text);
        var gold = new int[view.Words.Count];
        foreach (var span in line.Remove)
        {
            if (span.Kind is not (RedactionKind.PersonName or RedactionKind.Address))
            {
                continue;
            }

            var first = true;
            for (var i = 0; i < view.Words.Count; i++)
            {
                var w = view.Words[i];
                if (w.Start >= span.Start && w.Start < span.End)
                {
                    var name = span.Kind == RedactionKind.PersonName;
                    gold[i] = first ? (name ? SpanTagger.NameFirst : SpanTagger.HomeFirst) : (name ? SpanTagger.NameInside : SpanTagger.HomeInside);
                    first = false;
                }
            }
        }
        for (var i = 0; i < gold.Length; i++)
        {
            if (!SpanTagger.Allowed(i > 0 ? gold[i - 1] : SpanTagger.Outside, gold[i]))
            {
                gold[i]--;
            }
        }
        return (view, SpanFeatures.Describe(view), marks, gold);
    }
}
