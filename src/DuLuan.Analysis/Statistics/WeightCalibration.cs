namespace DuLuan.Analysis.Statistics;

/// <summary>A population margin: how many people the population holds in each category of one variable.</summary>
public sealed record PopulationMargin(IReadOnlyList<string> Categories, IReadOnlyDictionary<string, double> Counts);

/// <summary>Result of raking: the new weights and how many full passes over the margins were needed.</summary>
public sealed record RakingResult(double[] Weights, int Iterations, bool Converged);

/// <summary>
/// Adjusts weights so the weighted sample matches known population counts. The adjusted weights are
/// then used as fixed weights; the standard errors do not include the small gain in precision that
/// R's calibrated designs (postStratify, rake) credit to the adjustment, so they are slightly conservative.
/// </summary>
public static class WeightCalibration
{
    /// <summary>Scales the weights in each category so they sum to the population count of that category.</summary>
    public static double[] PostStratify(IReadOnlyList<double> weights, PopulationMargin margin)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(margin);
        if (margin.Categories.Count != weights.Count) throw new SurveyDesignException(DesignProblem.Shape, "Categories and weights differ in length.");
        var result = weights.ToArray();
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var category = margin.Categories[i];
            if (!margin.Counts.ContainsKey(category))
                throw new SurveyDesignException(DesignProblem.Shape, $"Row {i}: category '{category}' has no population count.", row: i);
            sums[category] = sums.GetValueOrDefault(category) + result[i];
        }
        foreach (var (category, count) in margin.Counts)
        {
            if (!sums.TryGetValue(category, out var sum) || sum <= 0)
                throw new SurveyDesignException(DesignProblem.Shape, $"Category '{category}' has a population count but no weighted sample.", stratum: category);
            if (!double.IsFinite(count) || count <= 0)
                throw new SurveyDesignException(DesignProblem.Shape, $"Category '{category}': population count {count} is not positive.", stratum: category);
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
    public static RakingResult Rake(IReadOnlyList<double> weights, IReadOnlyList<PopulationMargin> margins, int maxIterations = 100, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(margins);
        var current = weights.ToArray();
        for (var pass = 1; pass <= maxIterations; pass++)
        {
            foreach (var margin in margins) current = PostStratify(current, margin);
            if (margins.All(m => LargestGap(current, m) < tolerance)) return new RakingResult(current, pass, true);
        }
        return new RakingResult(current, maxIterations, false);
    }

    /// <summary>
    /// Caps weights to [<paramref name="lower"/>, <paramref name="upper"/>] and shares what was cut (or
    /// added) equally among the untouched weights, so the total is kept. With <paramref name="strict"/>
    /// it repeats until no weight is outside the bounds (R: trimWeights).
    /// </summary>
    public static double[] Trim(IReadOnlyList<double> weights, double lower, double upper, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!(lower <= upper)) throw new ArgumentException("The lower bound must not exceed the upper bound.", nameof(lower));
        var current = weights.ToArray();
        for (var round = 0; round < 1000; round++)
        {
            var outside = current.Select(w => w < lower || w > upper).ToArray();
            var inside = outside.Count(o => !o);
            if (inside == outside.Length) return current;
            if (inside == 0) throw new ArgumentException("Every weight is outside the bounds; nothing can absorb the trimmed amount.", nameof(weights));
            var cut = 0.0;
            for (var i = 0; i < current.Length; i++)
            {
                if (!outside[i]) continue;
                var bounded = Math.Clamp(current[i], lower, upper);
                cut += current[i] - bounded;
                current[i] = bounded;
            }
            for (var i = 0; i < current.Length; i++)
            {
                if (!outside[i]) current[i] += cut / inside;
            }
            if (!strict) return current;
        }
        return current;
    }

    private static double LargestGap(double[] weights, PopulationMargin margin)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < weights.Length; i++) sums[margin.Categories[i]] = sums.GetValueOrDefault(margin.Categories[i]) + weights[i];
        return margin.Counts.Max(c => Math.Abs(sums.GetValueOrDefault(c.Key) - c.Value));
    }
}
