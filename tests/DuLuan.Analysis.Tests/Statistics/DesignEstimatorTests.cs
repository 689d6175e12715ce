using DuLuan.Analysis.Statistics;

namespace DuLuan.Analysis.Tests.Statistics;

// Reference figures from R 4.2 with survey 4.1-1 (Debian r-cran-survey), printed by
// data/survey/make-reference.R with options(digits = 15):
//   library(survey); data(api)
//   dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc)
//   svymean(~api00, dstrat, deff=TRUE); confint(...)            # normal quantiles
//   svytotal(~enroll, dstrat, deff=TRUE); svymean(~comp.imp, dstrat, deff=TRUE)
//   svyby(~api00, ~awards, dstrat, svymean, deff=TRUE); svyby(~enroll, ~sch.wide, dstrat, svytotal, deff=TRUE)
//   svyby(~comp.imp, ~awards, dstrat, svymean, deff=TRUE)
//   dnofpc <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat); svymean(~api00, dnofpc, deff=TRUE)
//   apistrat$frac <- ave(apistrat$pw, apistrat$stype, FUN=function(w) 1/w[1])
//   svymean(~api00, svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~frac), deff=TRUE)
public sealed class DesignEstimatorTests
{
    private const double Tolerance = 1e-6;
    private static readonly ApiStrat Data = ApiStrat.Load();

    private static SurveyDesign Stratified() => new(Data.Pw, Data.Stype, Data.Fpc);

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static void Same(DesignEstimate actual, double estimate, double se, double deff, double low, double high)
    {
        Near(estimate, actual.Estimate);
        Near(se, actual.StandardError);
        Near(deff, actual.DesignEffect);
        Near(low, actual.CiLow);
        Near(high, actual.CiHigh);
    }

    [Fact]
    public void Stratified_mean_with_fpc_matches_R()
    {
        var mean = DesignEstimator.Mean(Stratified(), Data.Api00);
        Same(mean, 662.287363159321, 9.40894080278458, 1.20445726853772, 643.846178053194, 680.728548265448);
        Assert.Equal(200, mean.Count);
    }

    [Fact]
    public void Stratified_total_with_fpc_matches_R()
    {
        var total = DesignEstimator.Total(Stratified(), Data.Enroll);
        Same(total, 3687177.53243828, 114641.71610078, 0.362018122363404, 3462483.89775488, 3911871.16712167);
    }

    [Fact]
    public void Proportions_per_category_match_R()
    {
        var shares = DesignEstimator.Proportions(Stratified(), Data.CompImp);
        Assert.Equal(["No", "Yes"], shares.Select(s => s.Category));
        Same(shares[0].Estimate, 0.344350988056022, 0.033725495798289, 1.03598026008641, 0.278250230930619, 0.410451745181425);
        Same(shares[1].Estimate, 0.655649011943978, 0.033725495798289, 1.03598026008641, 0.589548254818575, 0.721749769069381);
    }

    [Fact]
    public void Domain_means_keep_the_whole_design_as_svyby_does()
    {
        var design = Stratified();
        var no = DesignEstimator.Mean(design, Data.Api00, Domain(Data.Awards, "No"));
        var yes = DesignEstimator.Mean(design, Data.Api00, Domain(Data.Awards, "Yes"));
        Same(no, 633.734911659413, 15.3347709760450, 1.35850089851930, 603.679312835195, 663.790510483631);
        Same(yes, 678.422405614438, 11.8566309874443, 1.14283550355144, 655.183835901066, 701.660975327810);
        Assert.Equal(200, no.Count + yes.Count);

        // Cutting the design down to the domain would shrink n_h and give another (wrong) standard error.
        var rows = Enumerable.Range(0, Data.Pw.Length).Where(i => Data.Awards[i] == "No").ToArray();
        var cut = new SurveyDesign([.. rows.Select(i => Data.Pw[i])], [.. rows.Select(i => Data.Stype[i])], [.. rows.Select(i => Data.Fpc[i])]);
        Near(no.Estimate, DesignEstimator.Mean(cut, [.. rows.Select(i => Data.Api00[i])]).Estimate);
        Assert.NotEqual(no.StandardError, DesignEstimator.Mean(cut, [.. rows.Select(i => Data.Api00[i])]).StandardError, 4);
    }

    [Fact]
    public void Domain_totals_match_R()
    {
        var design = Stratified();
        var no = DesignEstimator.Total(design, Data.Enroll, Domain(Data.SchWide, "No"));
        var yes = DesignEstimator.Total(design, Data.Enroll, Domain(Data.SchWide, "Yes"));
        Near(1013067.41931152, no.Estimate);
        Near(133475.233015853, no.StandardError);
        Near(1.56989003115503, no.DesignEffect);
        Near(2674110.11312675, yes.Estimate);
        Near(128645.688467189, yes.StandardError);
        Near(0.96821473421578, yes.DesignEffect);
    }

    [Fact]
    public void Domain_proportions_report_empty_categories_as_zero_like_R()
    {
        var design = Stratified();
        var no = DesignEstimator.Proportions(design, Data.CompImp, Domain(Data.Awards, "No"));
        Near(0.953711943427823, no[0].Estimate.Estimate);
        Near(0.0276541889474537, no[0].Estimate.StandardError);
        Near(1.55012291965012, no[0].Estimate.DesignEffect);
        Near(0.0462880565721771, no[1].Estimate.Estimate);
        var yes = DesignEstimator.Proportions(design, Data.CompImp, Domain(Data.Awards, "Yes"));
        Assert.Equal(["No", "Yes"], yes.Select(s => s.Category));
        Near(0, yes[0].Estimate.Estimate);
        Near(0, yes[0].Estimate.StandardError);
        Assert.True(double.IsNaN(yes[0].Estimate.DesignEffect));
        Near(1, yes[1].Estimate.Estimate);
    }

    [Fact]
    public void Without_fpc_the_design_is_with_replacement()
    {
        var mean = DesignEstimator.Mean(new SurveyDesign(Data.Pw, Data.Stype), Data.Api00);
        Same(mean, 662.287363159321, 9.53613229692516, 1.23724144502163, 643.596887305538, 680.977839013103);
    }

    [Fact]
    public void Fpc_as_sampling_fraction_matches_R()
    {
        double[] fractions = [.. Data.Pw.Select(w => 1 / w)];
        var mean = DesignEstimator.Mean(new SurveyDesign(Data.Pw, Data.Stype, fractions), Data.Api00);
        Same(mean, 662.287363159321, 9.40894080169525, 1.20445726825882, 643.846178055329, 680.728548263313);
    }

    [Fact]
    public void Missing_values_are_a_domain_not_zeros()
    {
        var values = Data.Api00.ToArray();
        values[0] = double.NaN;
        var withMissing = DesignEstimator.Mean(Stratified(), values);
        var domain = Enumerable.Range(0, values.Length).Select(i => i != 0).ToArray();
        var asDomain = DesignEstimator.Mean(Stratified(), Data.Api00, domain);
        Assert.Equal(asDomain, withMissing);
        Assert.Equal(199, withMissing.Count);
    }

    [Fact]
    public void Lonely_psu_fails_by_default_and_certainty_drops_its_variance()
    {
        double[] weights = [10, 10, 10, 5];
        string[] strata = ["a", "a", "a", "b"];
        var error = Assert.Throws<SurveyDesignException>(() => new SurveyDesign(weights, strata));
        Assert.Equal(DesignProblem.LonelyPsu, error.Problem);
        Assert.Equal("b", error.Stratum);
        var design = new SurveyDesign(weights, strata, lonelyPsu: LonelyPsu.Certainty);
        double[] values = [1, 2, 3, 100];
        var onlyA = new SurveyDesign([10, 10, 10], ["a", "a", "a"]);
        Near(DesignEstimator.Total(onlyA, [1, 2, 3]).StandardError, DesignEstimator.Total(design, values).StandardError);
    }

    [Fact]
    public void Bad_designs_are_refused_with_the_row()
    {
        Assert.Equal(3, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([1, 2, 3, -1])).Row);
        Assert.Equal(DesignProblem.InvalidWeight, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([1, double.NaN])).Problem);
        Assert.Equal(DesignProblem.Shape, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([])).Problem);
        var negative = Assert.Throws<SurveyDesignException>(() => new SurveyDesign([2, 2], null, [40, -4]));
        Assert.Equal((DesignProblem.InvalidFpc, 1), (negative.Problem, negative.Row));
        Assert.Equal(DesignProblem.InvalidFpc, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([2, 2], null, [40, 50])).Problem);
        Assert.Equal(DesignProblem.FpcBelowSampleSize, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([2, 2], ["a", "b"], [0.5, 4])).Problem);
        Assert.Equal(DesignProblem.FpcBelowSampleSize, Assert.Throws<SurveyDesignException>(() => new SurveyDesign([2, 2, 2], null, [2, 2, 2])).Problem);
        Assert.Throws<SurveyDesignException>(() => DesignEstimator.Mean(new SurveyDesign([1, 1]), [double.NaN, double.NaN]));
    }

    [Fact]
    public void A_census_stratum_contributes_no_variance_even_with_one_row()
    {
        var design = new SurveyDesign([1, 2, 2], ["a", "b", "b"], [1, 10, 10]);
        var total = DesignEstimator.Total(design, [100, 1, 3]);
        Near(Math.Sqrt((1 - 0.2) * 2 * ((2 - 4) * (2 - 4) + (6 - 4) * (6 - 4))), total.StandardError);
    }

    private static bool[] Domain(string[] column, string value) => [.. column.Select(v => v == value)];
}
