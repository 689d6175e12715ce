using DuLuan.Analysis.Statistics;

namespace DuLuan.Analysis.Tests.Statistics;

/// <summary>
/// Raked weights from cells: raking and trimming entries that stand for several identical rows (frequencies) gives each
/// row the weight raking the rows gives it, and the estimator over per-cell sums gives what the row estimator gives.
/// </summary>
public sealed class WeightCellsTests
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

    /// <summary>Rows of a unit × sex × age sample (a unit of one row, a cell of one row), a value and a domain flag each.</summary>
    private static List<(int Unit, string Sex, string Age, double Value, bool InDomain)> Sample(int seed, bool binary)
    {
        var random = new Random(seed);
        var rows = new List<(int, string, string, double, bool)> { (0, "f", "young", 1, true) };
        for (var i = 0; i < 400; i++)
        {
            var unit = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.5) * 4);
            var sex = random.NextDouble() < 0.3 + (unit * 0.1) ? "f" : "m";
            var age = random.NextDouble() < 0.5 ? "young" : random.NextDouble() < 0.6 ? "mid" : "old";
            var value = binary ? (random.NextDouble() < 0.2 + (unit * 0.1) ? 1 : 0) : Math.Round(random.NextDouble() * 90, 1);
            rows.Add((unit, sex, age, value, random.NextDouble() < 0.8 || unit == 2));
        }

        return rows;
    }

    private static Dictionary<string, double> Counts(params (string Key, double Count)[] counts) => counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);

    [Theory]
    [InlineData(1, false, null)]
    [InlineData(2, true, 2.5)]
    [InlineData(3, false, 1.6)]
    [InlineData(4, true, null)]
    public void Raking_cells_with_frequencies_gives_every_row_its_weight_and_the_same_estimate(int seed, bool binary, double? cap)
    {
        var rows = Sample(seed, binary);
        var total = 100_000.0;
        var units = Counts(("0", 1_000), ("1", 40_000), ("2", 30_000), ("3", 20_000), ("4", 9_000));
        var sexes = Counts(("f", 51_000), ("m", 49_000));
        var ages = Counts(("young", 35_000), ("mid", 40_000), ("old", 25_000));
        Assert.Equal(total, units.Values.Sum());
        PopulationMargin[] Margins(IEnumerable<(int Unit, string Sex, string Age)> entries) =>
        [
            new([.. entries.Select(e => e.Unit.ToString(System.Globalization.CultureInfo.InvariantCulture))], units),
            new([.. entries.Select(e => e.Sex)], sexes),
            new([.. entries.Select(e => e.Age)], ages),
        ];

        var byRows = WeightCalibration.RakeAndTrim([.. rows.Select(_ => 1.0)], Margins(rows.Select(r => (r.Unit, r.Sex, r.Age))), cap, tolerance: 0.5);
        var cells = rows.GroupBy(r => (r.Unit, r.Sex, r.Age)).OrderBy(g => g.Key).ToList();
        double[] frequencies = [.. cells.Select(g => (double)g.Count())];
        var byCells = WeightCalibration.RakeAndTrim([.. cells.Select(_ => 1.0)], Margins(cells.Select(g => g.Key)), cap, tolerance: 0.5, frequencies: frequencies);

        Assert.Equal(byRows.Iterations, byCells.Iterations);
        Assert.Equal(byRows.Converged, byCells.Converged);
        Assert.Equal(byRows.Trimmed, byCells.Trimmed);
        Assert.True(cap is null || byRows.Trimmed > 0, "the cap trims some weights");
        Same(byRows.MaxMarginError, byCells.MaxMarginError, "largest gap");
        var cellWeight = cells.Select((g, i) => (g.Key, byCells.Weights[i])).ToDictionary(c => c.Key, c => c.Item2);
        for (var i = 0; i < rows.Count; i++)
        {
            Same(byRows.Weights[i], cellWeight[(rows[i].Unit, rows[i].Sex, rows[i].Age)], $"weight of row {i}");
        }

        var design = new SurveyDesign(byRows.Weights, [.. rows.Select(r => "u" + r.Unit)], lonelyPsu: LonelyPsu.Certainty);
        var expected = DesignEstimator.Mean(design, [.. rows.Select(r => r.Value)], [.. rows.Select(r => r.InDomain)]);
        var strata = cells.GroupBy(g => g.Key.Unit).Select(unit => (IReadOnlyList<StratumSums>)[.. unit.Select(g =>
        {
            var inDomain = g.Where(r => r.InDomain).ToList();
            return new StratumSums(g.Count(), cellWeight[g.Key], inDomain.Count, inDomain.Sum(r => r.Value), inDomain.Sum(r => r.Value * r.Value));
        })]).ToList();
        var actual = StratumSumsEstimator.MeanOfCells(strata);
        Same(expected.Estimate, actual.Estimate, "estimate");
        Same(expected.StandardError, actual.StandardError, "standard error");
        Same(expected.DesignEffect, actual.DesignEffect, "design effect");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void A_category_without_population_is_named_with_its_responses_whether_rows_or_cells_are_given()
    {
        string[] names = ["unit", "sex"];
        var sexes = Counts(("f", 60), ("m", 40));
        var rows = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(["a", "a", "a", "a"], Counts(("a", 100))), new(["f", "?", "m", "?"], sexes)], names));
        var cells = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(["a", "a", "a"], Counts(("a", 100))), new(["f", "?", "m"], sexes)], names, frequencies: [1, 2, 1]));
        Assert.Equal("Margin 'sex': 2 response(s) in category '?', which has no population.", rows.Message);
        Assert.Equal(rows.Message, cells.Message);
        Assert.Equal(1, rows.Row);
    }
}
