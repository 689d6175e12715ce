namespace DuLuan.Analysis.Statistics;

/// <summary>
/// What a stratum contributes to a domain mean when every row of the stratum has the same weight
/// (post-stratification with strata = the post-strata): its sample size <see cref="Size"/> (all rows,
/// in the domain or not), the common <see cref="Weight"/>, and, over its rows in the domain, their
/// count and the sum and sum of squares of the variable (for a proportion y is 0/1, so both sums are
/// the count picking the category).
/// </summary>
public readonly record struct StratumSums(long Size, double Weight, long InDomain, double Sum, double SumSquares);

/// <summary>
/// The estimator of <see cref="DesignEstimator.Mean"/> on a stratified design with one weight per
/// stratum, no finite population correction and lonely strata contributing no variance
/// (<see cref="LonelyPsu.Certainty"/>), computed from per-stratum sums instead of rows, so results
/// can be kept as running totals. Algebraically identical: with scores z = w (y − ȳ)/N̂,
/// Σ_h z = w_h (S1_h − ȳ d_h)/N̂ and Σ_h z² = w_h² (S2_h − 2ȳ S1_h + ȳ² d_h)/N̂².
/// </summary>
public static class StratumSumsEstimator
{
    /// <summary>Weighted domain mean with its linearised standard error and design effect; throws as <see cref="DesignEstimator.Mean"/> when the domain is empty.</summary>
    public static DesignEstimate Mean(IReadOnlyList<StratumSums> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        return MeanOfCells([.. strata.Select(s => (IReadOnlyList<StratumSums>)[s])]);
    }

    /// <summary>
    /// The same estimate when weights are constant within cells of a stratum rather than within the stratum
    /// (raked weights: one weight per unit × sex × age band): each stratum is given as its cells, each cell with
    /// its own size, weight and sums. The stratum's score mean is taken over all its cells:
    /// z̄_h = Σ_c k_c (S1_c − ȳ d_c)/n_h, n_h = Σ_c n_c.
    /// </summary>
    public static DesignEstimate MeanOfCells(IReadOnlyList<IReadOnlyList<StratumSums>> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var count = 0L;
        var population = 0.0;
        var weightedSum = 0.0;
        foreach (var s in strata.SelectMany(cells => cells))
        {
            if (s.InDomain == 0)
            {
                continue;
            }

            if (!double.IsFinite(s.Weight) || s.Weight < 0)
            {
                throw new SurveyDesignException(DesignProblem.InvalidWeight, $"Weight {s.Weight} is not a non-negative number.");
            }

            population += s.Weight * s.InDomain;
            weightedSum += s.Weight * s.Sum;
            if (s.Weight != 0)
            {
                count += s.InDomain;
            }
        }
        if (count == 0)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "No row with a positive weight in this domain.");
        }

        var mean = weightedSum / population;
        var variance = 0.0;
        var spread = 0.0;
        foreach (var cells in strata)
        {
            var size = 0L;
            var inDomain = 0L;
            var scores = 0.0;
            foreach (var s in cells)
            {
                size += s.Size;
                if (s.InDomain == 0)
                {
                    continue;
                }

                inDomain += s.InDomain;
                // Written around the cell's own domain mean so that no large sums cancel:
                // Σ (y − c)² over the domain rows = Q + d (ȳ_d − c)², with Q = S2 − S1²/d.
                var domainMean = s.Sum / s.InDomain;
                var spreadWithin = Math.Max(0, s.SumSquares - (s.Sum * domainMean));
                spread += s.Weight * (spreadWithin + (s.InDomain * (domainMean - mean) * (domainMean - mean)));
                scores += s.Weight / population * (s.Sum - (mean * s.InDomain));
            }

            if (inDomain == 0 || size < 2)
            {
                continue;
            }

            // Scores z = k (y − ȳ) in the domain, 0 elsewhere; their stratum mean is z̄ = Σ k (S1 − ȳ d)/n.
            var zBar = scores / size;
            var within = (size - inDomain) * zBar * zBar;
            foreach (var s in cells)
            {
                if (s.InDomain == 0)
                {
                    continue;
                }

                var k = s.Weight / population;
                var domainMean = s.Sum / s.InDomain;
                var spreadWithin = Math.Max(0, s.SumSquares - (s.Sum * domainMean));
                var centre = domainMean - mean - (k == 0 ? 0 : zBar / k);
                within += k == 0 ? s.InDomain * zBar * zBar : k * k * (spreadWithin + (s.InDomain * centre * centre));
            }

            variance += (double)size / (size - 1) * within;
        }
        var srs = count < 2 ? double.NaN : spread / population * count / (count - 1) * (population - count) / (population * count);
        var effect = population > count && srs > 0 ? variance / srs : double.NaN;
        return new DesignEstimate(mean, Math.Sqrt(variance), effect, (int)Math.Min(count, int.MaxValue));
    }
}
