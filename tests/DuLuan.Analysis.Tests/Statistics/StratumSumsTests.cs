using DuLuan.Analysis.Statistics;

namespace DuLuan.Analysis.Tests.Statistics;

/// <summary>The running-sums estimator must give what the row-by-row estimator gives on the same data.</summary>
public sealed class StratumSumsTests
{
    private static void Same(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void Agrees_with_the_row_estimator_on_random_post_stratified_samples(int seed, bool binary)
    {
        var random = new Random(seed);
        var strataCount = random.Next(1, 9);
        var rows = new List<(int Stratum, double Value, bool InDomain)>();
        var sizes = new int[strataCount];
        for (var h = 0; h < strataCount; h++)
        {
            // Some strata of one row (lonely), some with no domain row at all.
            sizes[h] = h == 0 ? 1 : random.Next(2, 60);
            var domainShare = h == 1 ? 0 : random.NextDouble();
            for (var i = 0; i < sizes[h]; i++)
            {
                var value = binary ? (random.NextDouble() < 0.4 ? 1 : 0) : Math.Round(random.NextDouble() * 100, 1);
                rows.Add((h, value, random.NextDouble() < domainShare || h == 0));
            }
        }

        var populations = Enumerable.Range(0, strataCount).Select(_ => (double)random.Next(100, 50_000)).ToArray();
        var weights = rows.Select(r => populations[r.Stratum] / sizes[r.Stratum]).ToArray();
        var design = new SurveyDesign(weights, [.. rows.Select(r => "s" + r.Stratum)], lonelyPsu: LonelyPsu.Certainty);
        var expected = DesignEstimator.Mean(design, [.. rows.Select(r => r.Value)], [.. rows.Select(r => r.InDomain)]);

        var sums = Enumerable.Range(0, strataCount).Select(h =>
        {
            var inDomain = rows.Where(r => r.Stratum == h && r.InDomain).ToList();
            return new StratumSums(sizes[h], populations[h] / sizes[h], inDomain.Count, inDomain.Sum(r => r.Value), inDomain.Sum(r => r.Value * r.Value));
        }).ToList();
        var actual = StratumSumsEstimator.Mean(sums);

        Same(expected.Estimate, actual.Estimate, "estimate");
        Same(expected.StandardError, actual.StandardError, "standard error");
        Same(expected.DesignEffect, actual.DesignEffect, "design effect");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void An_empty_domain_is_refused_as_by_the_row_estimator()
    {
        var e = Assert.Throws<SurveyDesignException>(() => StratumSumsEstimator.Mean([new StratumSums(10, 2, 0, 0, 0)]));
        Assert.Equal(DesignProblem.Shape, e.Problem);
    }
}
