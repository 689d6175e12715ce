using DuLuan.Analysis.Statistics.Disclosure;

namespace DuLuan.Tests.Trust;

/// <summary>
/// The differencing audit of survey results (issue 16, item 5) on a larger random set than the property
/// test: every filter, cross-tab, by-unit table and weighted figure a role may request, solved exactly for
/// every hidden cell. The same audit of the rule it replaced (hide counts under 5, nothing else) shows it
/// can find leaks.
/// </summary>
public sealed class DisclosureAuditTests
{
    [Fact]
    public void Differencing_gives_back_no_hidden_survey_cell()
    {
        var surveys = TrustReport.Count(200, 2_000);
        var result = DisclosureAudit.Run(surveys, seed: 160_005);
        var old = DisclosureAudit.Run(Math.Min(surveys, 200), seed: 160_005, thresholdOnly: true);
        TrustReport.Add("disclosure", $"survey results: hidden cells recovered by differencing ({TrustReport.N(surveys)} random surveys; every filter, cross-tab, unit table, weighted figure)",
            $"{TrustReport.N(result.Recovered)} of {TrustReport.N(result.Hidden)} hidden ({TrustReport.N(result.Published)} figures published); hiding only counts under 5: {TrustReport.N(old.Recovered)} of {TrustReport.N(old.Hidden)} in {TrustReport.N(old.Surveys)} surveys",
            result.Recovered == 0);
        Assert.True(result.Hidden > surveys, "the random surveys must have small cells to hide");
        Assert.Equal(0, result.Recovered);
        Assert.True(old.Recovered > 0);
    }
}
