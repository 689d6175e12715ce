using DuLuan.Analysis.Statistics;

namespace DuLuan.Analysis.Tests.Statistics;

/// <summary>
/// A worked example with a closed form: sample cells (unit × sex) of product form n = a_i · b_j
/// (10, 20 / 30, 60), margins unit A 400, B 600 and sex m 300, f 700. Raking then ends in one pass at
/// cell totals R_i · C_j / N (120, 280 / 180, 420), so the weights are 12, 14 / 6, 7 (mean 1000/120).
/// Capping at 1.5 × mean = 12.5 cuts 20 × 1.5 = 30 from A/f, shared over the 100 other rows (+0.3):
/// 12.3, 12.5 / 6.3, 7.3.
/// </summary>
public sealed class RakeAndTrimTests
{
    private static (string[] Units, string[] Sexes) Sample()
    {
        var units = new List<string>();
        var sexes = new List<string>();
        foreach (var (unit, sex, n) in new[] { ("A", "m", 10), ("A", "f", 20), ("B", "m", 30), ("B", "f", 60) })
        {
            units.AddRange(Enumerable.Repeat(unit, n));
            sexes.AddRange(Enumerable.Repeat(sex, n));
        }

        return ([.. units], [.. sexes]);
    }

    private static Dictionary<string, double> Counts(params (string Key, double Value)[] counts) => counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6, $"expected {expected:R}, got {actual:R}");

    private static void Cells(double[] weights, string[] units, string[] sexes, params (string Unit, string Sex, double Weight)[] expected)
    {
        foreach (var (unit, sex, weight) in expected)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                if (units[i] == unit && sexes[i] == sex)
                {
                    Near(weight, weights[i]);
                }
            }
        }
    }

    [Fact]
    public void Raking_a_product_form_sample_gives_the_closed_form_weights()
    {
        var (units, sexes) = Sample();
        PopulationMargin[] margins = [new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 700)))];
        var report = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, 120).ToArray(), margins);
        Assert.True(report.Converged);
        Assert.Equal(1, report.Iterations);
        Assert.True(report.MaxMarginError <= 1e-6);
        Assert.Null(report.Cap);
        Cells(report.Weights, units, sexes, ("A", "m", 12), ("A", "f", 14), ("B", "m", 6), ("B", "f", 7));
    }

    [Fact]
    public void One_round_of_trimming_at_one_and_a_half_times_the_mean_gives_the_hand_computed_weights()
    {
        var (units, sexes) = Sample();
        PopulationMargin[] margins = [new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 700)))];
        var report = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, 120).ToArray(), margins, capTimesMean: 1.5, maxRounds: 1);
        Near(12.5, report.Cap!.Value);
        Cells(report.Weights, units, sexes, ("A", "m", 12.3), ("A", "f", 12.5), ("B", "m", 6.3), ("B", "f", 7.3));
        Near(1000, report.Weights.Sum());
        // Trimming moved people from A to B: unit A now holds 10 × 12.3 + 20 × 12.5 = 373, 27 short.
        Near(27, report.MaxMarginError);
        Assert.False(report.Converged);
        Assert.Equal(20, report.Trimmed);
    }

    [Fact]
    public void Rounds_of_raking_and_trimming_meet_the_margins_when_the_cap_allows_it()
    {
        var (units, sexes) = Sample();
        PopulationMargin[] margins = [new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 700)))];
        // A needs 400 people from 30 rows (13.3 each): a cap of 1.62 × mean = 13.5 leaves room.
        var report = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, 120).ToArray(), margins, capTimesMean: 1.62, maxRounds: 500);
        Assert.True(report.Converged, $"max margin error {report.MaxMarginError}");
        Assert.True(report.Iterations > 1);
        Assert.All(report.Weights, w => Assert.True(w <= report.Cap!.Value * (1 + 1e-9)));
        Near(400, Enumerable.Range(0, 120).Where(i => units[i] == "A").Sum(i => report.Weights[i]));
        Near(700, Enumerable.Range(0, 120).Where(i => sexes[i] == "f").Sum(i => report.Weights[i]));
    }

    [Fact]
    public void A_cap_too_tight_for_the_margins_is_reported_as_not_converged()
    {
        var (units, sexes) = Sample();
        PopulationMargin[] margins = [new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 700)))];
        // A holds 30 rows for 400 people: 13.3 each at least, above 1.05 × mean (8.75).
        var report = WeightCalibration.RakeAndTrim(Enumerable.Repeat(1.0, 120).ToArray(), margins, capTimesMean: 1.05, maxRounds: 40);
        Assert.False(report.Converged);
        Assert.True(report.MaxMarginError > 1);
        Assert.Equal(40, report.Iterations);
    }

    [Fact]
    public void Margins_that_disagree_are_negative_or_leave_a_cell_empty_are_refused_by_name()
    {
        var (units, sexes) = Sample();
        string[] names = ["unit", "sex"];
        var e = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 600)))], names));
        Assert.Contains("Margins disagree: 'unit' totals 1,000 people but 'sex' totals 900", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(units, Counts(("A", -400), ("B", 1400)))], names));
        Assert.Contains("population -400", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(units, Counts(("A", 400), ("B", 500), ("C", 100)))], names));
        Assert.Contains("'C' has 100 people but no response", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SurveyDesignException>(() => WeightCalibration.CheckMargins([new(units, Counts(("A", 1000)))], names));
        Assert.Contains("category 'B', which has no population", e.Message, StringComparison.Ordinal);
        WeightCalibration.CheckMargins([new(units, Counts(("A", 400), ("B", 600))), new(sexes, Counts(("m", 300), ("f", 700)))], names);
        Assert.Throws<ArgumentException>(() => WeightCalibration.RakeAndTrim([1, 1], [], capTimesMean: 0.5));
    }
}
