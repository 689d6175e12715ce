namespace DuLuan.Analysis.Statistics;

/// <summary>
/// One design-based estimate. The 95% interval uses the normal quantile, as R's
/// confint(svymean(...)) does. <see cref="DesignEffect"/> is NaN when the weights do not sum to
/// more than the sample size (then no simple random sample of that size exists to compare with).
/// </summary>
public sealed record DesignEstimate(double Estimate, double StandardError, double DesignEffect, int Count)
{
    /// <summary>qnorm(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    public double CiLow => Estimate - (Z95 * StandardError);

    public double CiHigh => Estimate + (Z95 * StandardError);

    /// <summary>Half-width of the 95% interval.</summary>
    public double MarginOfError => Z95 * StandardError;
}

/// <summary>The estimated proportion of one category of a non-numeric variable.</summary>
public sealed record CategoryEstimate(string Category, DesignEstimate Estimate);
