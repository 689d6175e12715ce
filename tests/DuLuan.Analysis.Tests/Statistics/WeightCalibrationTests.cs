using DuLuan.Analysis.Statistics;

namespace DuLuan.Analysis.Tests.Statistics;

// Reference weights from R survey 4.1-1 (data/survey/make-reference.R), on
// dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc):
//   ps <- postStratify(dstrat, ~sch.wide, data.frame(sch.wide=c("No","Yes"), Freq=c(1072,5122)))
//   rk <- rake(dstrat, list(~stype, ~sch.wide), list(data.frame(stype=c("E","H","M"), Freq=c(4421,755,1018)),
//              data.frame(sch.wide=c("No","Yes"), Freq=c(1072,5122))), control=list(maxit=100, epsilon=1e-12))
//   weights(trimWeights(rk, upper=40, lower=20)); weights(trimWeights(rk, upper=40, lower=20, strict=TRUE))
//   coef(svymean(~api00, ps)); coef(svymean(~api00, rk))
public sealed class WeightCalibrationTests
{
    private static readonly ApiStrat Data = ApiStrat.Load();

    private static readonly PopulationMargin SchWide = new(Data.SchWide, new Dictionary<string, double>(StringComparer.Ordinal) { ["No"] = 1072, ["Yes"] = 5122 });

    private static readonly PopulationMargin Types = new(Data.Stype, new Dictionary<string, double>(StringComparer.Ordinal) { ["E"] = 4421, ["H"] = 755, ["M"] = 1018 });

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static void Cells(double[] weights, params (string Stype, string SchWide, double Weight)[] expected)
    {
        foreach (var (stype, schWide, weight) in expected)
        {
            var rows = Enumerable.Range(0, weights.Length).Where(i => Data.Stype[i] == stype && Data.SchWide[i] == schWide).ToList();
            Assert.NotEmpty(rows);
            foreach (var i in rows)
            {
                Near(weight, weights[i]);
            }
        }
    }

    private static double Mean(double[] weights) => DesignEstimator.Mean(new SurveyDesign(weights, Data.Stype), Data.Api00).Estimate;

    [Fact]
    public void Post_stratification_matches_R()
    {
        var weights = WeightCalibration.PostStratify(Data.Pw, SchWide);
        Cells(weights, ("E", "Yes", 44.1556024515277), ("E", "No", 44.4717681227077), ("M", "Yes", 20.3349493662236),
            ("M", "No", 20.4805529263119), ("H", "No", 15.1894080417064), ("H", "Yes", 15.0814211189674));
        Near(662.203029450444, Mean(weights));
    }

    [Fact]
    public void Raking_matches_R_and_meets_every_margin()
    {
        var result = WeightCalibration.Rake(Data.Pw, [Types, SchWide]);
        Assert.True(result.Converged);
        Cells(result.Weights, ("E", "Yes", 44.1771088544018), ("E", "No", 44.5425660276418), ("M", "Yes", 20.3095963778052),
            ("M", "No", 20.4776084518036), ("H", "No", 15.1646991239238), ("H", "Yes", 15.0402777317789));
        Near(662.211650357843, Mean(result.Weights));
        Near(755, Enumerable.Range(0, 200).Where(i => Data.Stype[i] == "H").Sum(i => result.Weights[i]));
        Near(1072, Enumerable.Range(0, 200).Where(i => Data.SchWide[i] == "No").Sum(i => result.Weights[i]));
    }

    [Fact]
    public void Trimming_matches_R_and_keeps_the_total()
    {
        var raked = WeightCalibration.Rake(Data.Pw, [Types, SchWide]).Weights;
        foreach (var strict in new[] { false, true })
        {
            var trimmed = WeightCalibration.Trim(raked, lower: 20, upper: 40, strict);
            Cells(trimmed, ("E", "Yes", 40), ("E", "No", 40), ("M", "Yes", 23.8295963778005), ("M", "No", 23.9976084517988), ("H", "No", 20), ("H", "Yes", 20));
            Near(raked.Sum(), trimmed.Sum());
        }
    }

    [Fact]
    public void Strict_trimming_repeats_until_every_weight_is_inside()
    {
        double[] weights = [1, 1, 1, 1, 16];
        var once = WeightCalibration.Trim(weights, 0, 5);
        Assert.Equal([3.75, 3.75, 3.75, 3.75, 5], once);
        var strict = WeightCalibration.Trim([1, 1, 1, 4, 16], 0, 5, strict: true);
        Assert.Contains(WeightCalibration.Trim([1, 1, 1, 4, 16], 0, 5), w => w > 5);
        Assert.All(strict, w => Assert.InRange(w, 0, 5 + 1e-12));
        Near(23, strict.Sum());
    }

    [Fact]
    public void Calibration_refuses_unknown_or_empty_categories()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal) { ["a"] = 10 };
        Assert.Equal(1, Assert.Throws<SurveyDesignException>(() => WeightCalibration.PostStratify([1, 1], new PopulationMargin(["a", "b"], counts))).Row);
        counts["c"] = 5;
        Assert.Equal("c", Assert.Throws<SurveyDesignException>(() => WeightCalibration.PostStratify([1, 1], new PopulationMargin(["a", "a"], counts))).Stratum);
        Assert.Throws<ArgumentException>(() => WeightCalibration.Trim([10, 10], 0, 5));
    }
}
