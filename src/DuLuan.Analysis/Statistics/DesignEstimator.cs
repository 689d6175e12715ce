namespace DuLuan.Analysis.Statistics;

/// <summary>
/// Means, totals and proportions under a <see cref="SurveyDesign"/>, with Taylor-linearised standard
/// errors. A domain (a --by group, or the rows where the variable is present) is estimated on the
/// whole design with scores set to zero outside it, never by cutting the design down to the domain,
/// so the strata keep their full sample sizes (R: svyby, or svymean on subset(design, ...)).
/// </summary>
public static class DesignEstimator
{
    /// <summary>Weighted mean of <paramref name="values"/>; rows with NaN or outside <paramref name="domain"/> are left out.</summary>
    public static DesignEstimate Mean(SurveyDesign design, IReadOnlyList<double> values, IReadOnlyList<bool>? domain = null)
    {
        var (inDomain, count, population) = Domain(design, values, domain);
        var mean = WeightedSum(design, values, inDomain) / population;
        var scores = new double[design.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            if (inDomain[i])
            {
                scores[i] = design.Weights[i] * (values[i] - mean) / population;
            }
        }
        var variance = design.Variance(scores);
        var srs = SampleVariance(design, values, inDomain, mean, count, population) * (population - count) / (population * count);
        return new DesignEstimate(mean, Math.Sqrt(variance), Effect(variance, srs, count, population), count);
    }

    /// <summary>Weighted total of <paramref name="values"/> over the domain.</summary>
    public static DesignEstimate Total(SurveyDesign design, IReadOnlyList<double> values, IReadOnlyList<bool>? domain = null)
    {
        var (inDomain, count, population) = Domain(design, values, domain);
        var total = WeightedSum(design, values, inDomain);
        var scores = new double[design.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            if (inDomain[i])
            {
                scores[i] = design.Weights[i] * values[i];
            }
        }
        var variance = design.Variance(scores);
        var mean = total / population;
        var srs = SampleVariance(design, values, inDomain, mean, count, population) * population * population * (population - count) / (population * count);
        return new DesignEstimate(total, Math.Sqrt(variance), Effect(variance, srs, count, population), count);
    }

    /// <summary>Proportion (or, with <paramref name="total"/>, estimated count) of each category, sorted by ordinal name; null values are missing.</summary>
    public static IReadOnlyList<CategoryEstimate> Proportions(SurveyDesign design, IReadOnlyList<string?> categories, IReadOnlyList<bool>? domain = null, bool total = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var present = new bool[design.Count];
        for (var i = 0; i < present.Length; i++)
        {
            present[i] = categories[i] is not null && (domain is null || domain[i]);
        }
        // Every category of the variable is reported in every domain, with 0 where the domain has none (as R).
        var levels = categories.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var results = new List<CategoryEstimate>(levels.Count);
        foreach (var level in levels)
        {
            var indicator = new double[design.Count];
            for (var i = 0; i < indicator.Length; i++)
            {
                indicator[i] = string.Equals(categories[i], level, StringComparison.Ordinal) ? 1 : 0;
            }

            var estimate = total ? Total(design, indicator, present) : Mean(design, indicator, present);
            results.Add(new CategoryEstimate(level, estimate));
        }
        return results;
    }

    private static (bool[] InDomain, int Count, double Population) Domain(SurveyDesign design, IReadOnlyList<double> values, IReadOnlyList<bool>? domain)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != design.Count || (domain is not null && domain.Count != design.Count))
        {
            throw new SurveyDesignException(DesignProblem.Shape, "Values, domain and design differ in length.");
        }

        var inDomain = new bool[design.Count];
        var count = 0;
        var population = 0.0;
        for (var i = 0; i < inDomain.Length; i++)
        {
            if (double.IsNaN(values[i]) || (domain is not null && !domain[i]))
            {
                continue;
            }

            inDomain[i] = true;
            population += design.Weights[i];
            if (design.Weights[i] != 0)
            {
                count++;
            }
        }
        if (count == 0)
        {
            throw new SurveyDesignException(DesignProblem.Shape, "No row with a positive weight in this domain.");
        }

        return (inDomain, count, population);
    }

    private static double WeightedSum(SurveyDesign design, IReadOnlyList<double> values, bool[] inDomain)
    {
        var sum = 0.0;
        for (var i = 0; i < inDomain.Length; i++)
        {
            if (inDomain[i])
            {
                sum += design.Weights[i] * values[i];
            }
        }
        return sum;
    }

    /// <summary>n/(n − 1) · Σ w (y − ȳ)² / Σ w over the domain: R's svyvar, used for the design effect.</summary>
    private static double SampleVariance(SurveyDesign design, IReadOnlyList<double> values, bool[] inDomain, double mean, int count, double population)
    {
        if (count < 2)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < inDomain.Length; i++)
        {
            if (inDomain[i])
            {
                sum += design.Weights[i] * (values[i] - mean) * (values[i] - mean);
            }
        }
        return sum / population * count / (count - 1);
    }

    private static double Effect(double variance, double srsVariance, int count, double population) =>
        population > count && srsVariance > 0 ? variance / srsVariance : double.NaN;
}
