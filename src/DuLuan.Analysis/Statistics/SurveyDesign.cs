namespace DuLuan.Analysis.Statistics;

/// <summary>What to do with a stratum that holds a single PSU (names follow R's survey.lonely.psu option).</summary>
public enum LonelyPsu
{
    /// <summary>Refuse with <see cref="DesignProblem.LonelyPsu"/> (R's default).</summary>
    Fail,

    /// <summary>The stratum contributes no variance, as if it were sampled with certainty.</summary>
    Certainty,
}

/// <summary>
/// A stratified one-stage design in which every row is its own PSU, sampled with replacement unless a
/// finite population correction is given. The variance of an estimator with linearised scores z is
/// Σ_h (1 − f_h) · n_h / (n_h − 1) · Σ_i (z_hi − z̄_h)², the formula R's survey package uses for
/// svydesign(ids = ~1, strata, weights, fpc).
/// </summary>
/// <remarks>
/// FPC values are read as R reads them: if every value is at most 1 they are sampling fractions f_h,
/// otherwise they are population sizes N_h (f_h = n_h / N_h), which must not be below n_h.
/// </remarks>
public sealed class SurveyDesign
{
    private readonly int[] stratumOf;
    private readonly int[] stratumSize;
    private readonly double[] varianceFactor;

    public SurveyDesign(IReadOnlyList<double> weights, IReadOnlyList<string>? strata = null, IReadOnlyList<double>? fpc = null, LonelyPsu lonelyPsu = LonelyPsu.Fail)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "The sample is empty.");
        }

        if (strata is not null && strata.Count != weights.Count)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "Strata and weights differ in length.");
        }

        if (fpc is not null && fpc.Count != weights.Count)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "FPC and weights differ in length.");
        }

        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new SurveyDesignException(DesignProblem.InvalidWeight, $"Row {i}: weight {weights[i]} is not a non-negative number.", row: i);
            }
        }
        Weights = [.. weights];

        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        stratumOf = new int[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var name = strata?[i] ?? "";
            if (!index.TryGetValue(name, out var h))
            {
                h = names.Count;
                index.Add(name, h);
                names.Add(name);
            }
            stratumOf[i] = h;
        }
        StrataNames = names;
        stratumSize = new int[names.Count];
        foreach (var h in stratumOf)
        {
            stratumSize[h]++;
        }

        varianceFactor = VarianceFactors(fpc, names, lonelyPsu);
    }

    public IReadOnlyList<double> Weights { get; }

    public IReadOnlyList<string> StrataNames { get; }

    public int Count => Weights.Count;

    /// <summary>Σ_h (1 − f_h) n_h/(n_h − 1) Σ_i (z_hi − z̄_h)² for linearised scores <paramref name="scores"/>.</summary>
    public double Variance(ReadOnlySpan<double> scores)
    {
        if (scores.Length != Count)
        {
            throw new ArgumentException("One score per row is needed.", nameof(scores));
        }

        var sums = new double[stratumSize.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            sums[stratumOf[i]] += scores[i];
        }

        var squares = new double[stratumSize.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var h = stratumOf[i];
            var d = scores[i] - (sums[h] / stratumSize[h]);
            squares[h] += d * d;
        }
        var variance = 0.0;
        for (var h = 0; h < squares.Length; h++)
        {
            variance += varianceFactor[h] * squares[h];
        }

        return variance;
    }

    private double[] VarianceFactors(IReadOnlyList<double>? fpc, List<string> names, LonelyPsu lonelyPsu)
    {
        var remaining = new double[names.Count];
        Array.Fill(remaining, 1.0);
        if (fpc is not null)
        {
            var given = new double[names.Count];
            Array.Fill(given, double.NaN);
            var fractions = fpc.All(v => v <= 1);
            for (var i = 0; i < fpc.Count; i++)
            {
                var h = stratumOf[i];
                var value = fpc[i];
                if (!double.IsFinite(value) || value <= 0)
                {
                    throw new SurveyDesignException(DesignProblem.InvalidFpc, $"Row {i}: FPC {value} is not a positive population size or sampling fraction.", row: i, stratum: names[h]);
                }

                if (double.IsNaN(given[h]))
                {
                    given[h] = value;
                }
                else if (given[h] != value)
                {
                    throw new SurveyDesignException(DesignProblem.InvalidFpc, $"Row {i}: FPC {value} differs from {given[h]} elsewhere in stratum '{names[h]}'.", row: i, stratum: names[h]);
                }
            }
            for (var h = 0; h < names.Count; h++)
            {
                if (!fractions && given[h] < stratumSize[h])
                {
                    throw new SurveyDesignException(DesignProblem.FpcBelowSampleSize, $"Stratum '{names[h]}': population size {given[h]} is below its sample size {stratumSize[h]}.", stratum: names[h]);
                }

                remaining[h] = fractions ? 1 - given[h] : 1 - (stratumSize[h] / given[h]);
            }
        }
        var factors = new double[names.Count];
        for (var h = 0; h < names.Count; h++)
        {
            // A stratum sampled completely (f = 1) contributes nothing, even with one PSU, as in R.
            if (remaining[h] < 1e-7)
            {
                continue;
            }

            if (stratumSize[h] == 1)
            {
                if (lonelyPsu == LonelyPsu.Fail)
                {
                    throw new SurveyDesignException(DesignProblem.LonelyPsu, $"Stratum '{names[h]}' has only one PSU.", stratum: names[h]);
                }

                continue;
            }
            factors[h] = remaining[h] * stratumSize[h] / (stratumSize[h] - 1);
        }
        return factors;
    }
}
