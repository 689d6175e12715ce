namespace DuLuan.Analysis.Trends;

/// <summary>One-sided Poisson tail P(X &gt;= k | λ), summed in log space so k and λ in the hundreds of thousands neither overflow nor underflow early.</summary>
public static class PoissonTail
{
    private const double Epsilon = 1e-17;

    public static double AtLeast(int k, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (k == 0)
        {
            return 1.0;
        }

        if (lambda == 0)
        {
            return 0.0;
        }

        if (k > lambda)
        {
            // Sum terms j = k, k+1, ... outward from the largest one; each is the previous times λ/j.
            var sum = 1.0;
            var term = 1.0;
            for (var j = k + 1; term > Epsilon * sum; j++)
            {
                term *= lambda / j;
                sum += term;
            }
            return Math.Min(1.0, Math.Exp(LogTerm(k, lambda) + Math.Log(sum)));
        }
        // k <= λ: the p-value is at least about one half; 1 - P(X <= k-1) loses nothing that matters here.
        var lower = 1.0;
        var t = 1.0;
        for (var j = k - 1; j > 0 && t > Epsilon * lower; j--)
        {
            t *= j / lambda;
            lower += t;
        }
        return Math.Max(0.0, 1.0 - Math.Exp(LogTerm(k - 1, lambda) + Math.Log(lower)));
    }

    /// <summary>log P(X = k | λ) = -λ + k log λ - log k!.</summary>
    private static double LogTerm(int k, double lambda) => -lambda + k * Math.Log(lambda) - LogFactorial(k);

    internal static double LogFactorial(int n)
    {
        if (n < 2)
        {
            return 0.0;
        }

        if (n < 20)
        {
            var product = 1.0;
            for (var i = 2; i <= n; i++)
            {
                product *= i;
            }

            return Math.Log(product);
        }
        // Stirling's series for log Γ(n+1); the error of the 1/(1260 x^5) term is far below double precision at n >= 20.
        double x = n;
        var inv = 1.0 / x;
        var inv2 = inv * inv;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
