namespace DuLuan.Analysis.Statistics;

/// <summary>A population margin: how many people the population holds in each category of one variable.</summary>
public sealed record PopulationMargin(IReadOnlyList<string> Categories, IReadOnlyDictionary<string, double> Counts);

/// <summary>Result of raking: the new weights and how many full passes over the margins were needed.</summary>
public sealed record RakingResult(double[] Weights, int Iterations, bool Converged);

/// <summary>
/// Result of <see cref="WeightCalibration.RakeAndTrim"/>: the weights, the rake-and-trim rounds done,
/// whether every margin is met within the tolerance, the largest gap left between a margin and its
/// weighted sample (people), how many weights sit at the cap, and the cap itself (null: no trimming).
/// </summary>
public sealed record CalibrationReport(double[] Weights, int Iterations, bool Converged, double MaxMarginError, int Trimmed, double? Cap);

/// <summary>
/// Adjusts weights so the weighted sample matches known population counts. The adjusted weights are
/// then used as fixed weights; the standard errors do not include the small gain in precision that
/// R's calibrated designs (postStratify, rake) credit to the adjustment, so they are slightly conservative.
/// </summary>
public static class WeightCalibration
{
    /// <summary>Scales the weights in each category so they sum to the population count of that category.</summary>
    /// <param name="frequencies">How many identical rows each entry stands for (cells of rows with the same categories and
    /// weight, as kept totals give them); null: one row each. The result is the weight of each of those rows.</param>
    public static double[] PostStratify(IReadOnlyList<double> weights, PopulationMargin margin, IReadOnlyList<double>? frequencies = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(margin);
        if (margin.Categories.Count != weights.Count)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "Categories and weights differ in length.");
        }

        var result = weights.ToArray();
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var category = margin.Categories[i];
            if (!margin.Counts.ContainsKey(category))
            {
                throw new SurveyDesignException(DesignProblem.Shape, $"Row {i}: category '{category}' has no population count.", row: i);
            }

            sums[category] = sums.GetValueOrDefault(category) + (Frequency(frequencies, i) * result[i]);
        }
        foreach (var (category, count) in margin.Counts)
        {
            if (!sums.TryGetValue(category, out var sum) || sum <= 0)
            {
                throw new SurveyDesignException(DesignProblem.Shape, $"Category '{category}' has a population count but no weighted sample.", stratum: category);
            }

            if (!double.IsFinite(count) || count <= 0)
            {
                throw new SurveyDesignException(DesignProblem.Shape, $"Category '{category}': population count {count} is not positive.", stratum: category);
            }
        }
        for (var i = 0; i < result.Length; i++)
        {
            var category = margin.Categories[i];
            result[i] *= margin.Counts[category] / sums[category];
        }
        return result;
    }

    /// <summary>
    /// Iterative proportional fitting: post-stratifies on each margin in turn until every margin is
    /// matched within <paramref name="tolerance"/> (in people) or <paramref name="maxIterations"/> passes are done.
    /// </summary>
    public static RakingResult Rake(IReadOnlyList<double> weights, IReadOnlyList<PopulationMargin> margins, int maxIterations = 100, double tolerance = 1e-9, IReadOnlyList<double>? frequencies = null)
    {
        ArgumentNullException.ThrowIfNull(margins);
        var current = weights.ToArray();
        for (var pass = 1; pass <= maxIterations; pass++)
        {
            foreach (var margin in margins)
            {
                current = PostStratify(current, margin, frequencies);
            }

            if (margins.All(m => LargestGap(current, m, frequencies) < tolerance))
            {
                return new RakingResult(current, pass, true);
            }
        }
        return new RakingResult(current, maxIterations, false);
    }

    /// <summary>
    /// Caps weights to [<paramref name="lower"/>, <paramref name="upper"/>] and shares what was cut (or
    /// added) equally among the untouched weights, so the total is kept. With <paramref name="strict"/>
    /// it repeats until no weight is outside the bounds (R: trimWeights).
    /// </summary>
    public static double[] Trim(IReadOnlyList<double> weights, double lower, double upper, bool strict = false, IReadOnlyList<double>? frequencies = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!(lower <= upper))
        {
            throw new ArgumentException("The lower bound must not exceed the upper bound.", nameof(lower));
        }

        var current = weights.ToArray();
        for (var round = 0; round < 1000; round++)
        {
            var outside = current.Select(w => w < lower || w > upper).ToArray();
            if (!outside.Contains(true))
            {
                return current;
            }

            var inside = 0.0;
            for (var i = 0; i < current.Length; i++)
            {
                inside += outside[i] ? 0 : Frequency(frequencies, i);
            }

            if (inside == 0)
            {
                throw new ArgumentException("Every weight is outside the bounds; nothing can absorb the trimmed amount.", nameof(weights));
            }

            var cut = 0.0;
            for (var i = 0; i < current.Length; i++)
            {
                if (!outside[i])
                {
                    continue;
                }

                var bounded = Math.Clamp(current[i], lower, upper);
                cut += Frequency(frequencies, i) * (current[i] - bounded);
                current[i] = bounded;
            }
            for (var i = 0; i < current.Length; i++)
            {
                if (!outside[i])
                {
                    current[i] += cut / inside;
                }
            }
            if (!strict)
            {
                return current;
            }
        }
        return current;
    }

    /// <summary>
    /// Checks margins before raking: every count a finite number ≥ 0, every margin with the same
    /// total (within <paramref name="relativeTolerance"/>), and no category with people in it but
    /// nobody in the sample (an empty cell cannot be weighted up). Throws with a message naming the margin.
    /// </summary>
    public static void CheckMargins(IReadOnlyList<PopulationMargin> margins, IReadOnlyList<string> names, double relativeTolerance = 1e-9, IReadOnlyList<double>? frequencies = null)
    {
        ArgumentNullException.ThrowIfNull(margins);
        ArgumentNullException.ThrowIfNull(names);
        double? first = null;
        for (var m = 0; m < margins.Count; m++)
        {
            var margin = margins[m];
            foreach (var (category, count) in margin.Counts)
            {
                if (!double.IsFinite(count) || count < 0)
                {
                    throw new SurveyDesignException(DesignProblem.Shape, $"Margin '{names[m]}', category '{category}': population {count} is not a number of people (≥ 0).", stratum: category);
                }
            }
            var total = margin.Counts.Values.Sum();
            if (first is { } expected && Math.Abs(total - expected) > relativeTolerance * Math.Max(1, expected))
            {
                throw new SurveyDesignException(DesignProblem.Shape, $"Margins disagree: '{names[0]}' totals {expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} people but '{names[m]}' totals {total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            first ??= total;
            var present = margin.Categories.Where((_, i) => Frequency(frequencies, i) > 0).ToHashSet(StringComparer.Ordinal);
            foreach (var (category, count) in margin.Counts)
            {
                if (count > 0 && !present.Contains(category))
                {
                    throw new SurveyDesignException(DesignProblem.Shape, $"Margin '{names[m]}': category '{category}' has {count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} people but no response; the cell is empty and cannot be weighted.", stratum: category);
                }
            }
            // The first such category in ordinal order, with its number of responses: the same message whether rows or cells are given.
            var unpeopled = present.Where(c => !margin.Counts.TryGetValue(c, out var count) || count <= 0).Order(StringComparer.Ordinal).FirstOrDefault();
            if (unpeopled is not null)
            {
                var row = Enumerable.Range(0, margin.Categories.Count).First(i => margin.Categories[i] == unpeopled && Frequency(frequencies, i) > 0);
                var responses = Enumerable.Range(0, margin.Categories.Count).Where(i => margin.Categories[i] == unpeopled).Sum(i => Frequency(frequencies, i));
                throw new SurveyDesignException(DesignProblem.Shape, $"Margin '{names[m]}': {responses.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} response(s) in category '{unpeopled}', which has no population.", row: frequencies is null ? row : null, stratum: unpeopled);
            }
        }
    }

    /// <summary>
    /// Rakes to the margins and, with <paramref name="capTimesMean"/>, caps every weight at that
    /// multiple of the mean weight (the cut shared among the others, repeated until none is over), then
    /// rakes again, round after round, until the margins hold within <paramref name="tolerance"/> people
    /// with no weight over the cap, or <paramref name="maxRounds"/> rounds are done. The report says
    /// how far the margins still are, so a cap too tight to meet them shows as not converged.
    /// </summary>
    /// <param name="frequencies">As in <see cref="PostStratify"/>: entries that stand for several identical rows; the mean
    /// weight, the cap and the number of trimmed weights are then counted per row.</param>
    public static CalibrationReport RakeAndTrim(IReadOnlyList<double> weights, IReadOnlyList<PopulationMargin> margins, double? capTimesMean = null, int maxRounds = 50, double tolerance = 1e-6, IReadOnlyList<double>? frequencies = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(margins);
        if (capTimesMean is { } k && (!double.IsFinite(k) || k <= 1))
        {
            throw new ArgumentException("The cap must be a multiple of the mean weight greater than 1.", nameof(capTimesMean));
        }

        var current = weights.ToArray();
        double? cap = null;
        for (var round = 1; round <= maxRounds; round++)
        {
            current = Rake(current, margins, maxIterations: 1000, tolerance: 1e-9, frequencies).Weights;
            if (capTimesMean is { } multiple)
            {
                cap = multiple * Average(current, frequencies);
                if (current.Any(w => w > cap * (1 + 1e-12)))
                {
                    current = Trim(current, 0, cap.Value, strict: true, frequencies);
                }
            }
            var error = margins.Count == 0 ? 0 : margins.Max(m => LargestGap(current, m, frequencies));
            var over = cap is { } c && current.Any(w => w > c * (1 + 1e-9));
            if (error <= tolerance && !over)
            {
                return new CalibrationReport(current, round, true, error, Trimmed(current, cap, frequencies), cap);
            }

            if (capTimesMean is null)
            {
                return new CalibrationReport(current, round, false, error, 0, null);
            }
        }
        var last = margins.Count == 0 ? 0 : margins.Max(m => LargestGap(current, m, frequencies));
        return new CalibrationReport(current, maxRounds, false, last, Trimmed(current, cap, frequencies), cap);
    }

    private static double Frequency(IReadOnlyList<double>? frequencies, int i) => frequencies is null ? 1 : frequencies[i];

    private static double Average(double[] weights, IReadOnlyList<double>? frequencies)
    {
        if (frequencies is null)
        {
            return weights.Average();
        }

        var (sum, rows) = (0.0, 0.0);
        for (var i = 0; i < weights.Length; i++)
        {
            sum += frequencies[i] * weights[i];
            rows += frequencies[i];
        }

        return sum / rows;
    }

    private static int Trimmed(double[] weights, double? cap, IReadOnlyList<double>? frequencies)
        => cap is { } c ? (int)Enumerable.Range(0, weights.Length).Where(i => weights[i] >= c * (1 - 1e-9)).Sum(i => Frequency(frequencies, i)) : 0;

    private static double LargestGap(double[] weights, PopulationMargin margin, IReadOnlyList<double>? frequencies)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < weights.Length; i++)
        {
            sums[margin.Categories[i]] = sums.GetValueOrDefault(margin.Categories[i]) + (Frequency(frequencies, i) * weights[i]);
        }

        return margin.Counts.Max(c => Math.Abs(sums.GetValueOrDefault(c.Key) - c.Value));
    }
}
