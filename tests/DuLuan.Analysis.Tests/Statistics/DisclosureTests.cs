using DuLuan.Analysis.Statistics.Disclosure;

namespace DuLuan.Analysis.Tests.Statistics;

public sealed class DisclosureTests
{
    [Fact]
    public void The_exact_span_finds_the_subtraction_of_issue_16()
    {
        // Cells (female yes, female no, male yes, male no); yes over everyone 13, female yes 9: male yes = 13 − 9.
        var span = new ExactSpan(4);
        span.Add([1, 0, 1, 0]);
        span.Add([1, 0, 0, 0]);
        Assert.True(span.Contains([0, 0, 1, 0]));
        Assert.False(span.Contains([0, 1, 0, 0]));
        Assert.Equal(2, span.Rank);
    }

    [Fact]
    public void The_exact_span_moves_to_big_integers_without_changing_answers()
    {
        var span = new ExactSpan(3);
        span.Add([long.MaxValue / 3, 7, 1]);
        span.Add([5, long.MaxValue / 5, 2]);
        Assert.True(span.Contains([(long.MaxValue / 3) + 5, 7 + (long.MaxValue / 5), 3]));
        Assert.False(span.Contains([0, 0, 1]));
    }

    [Fact]
    public void The_finding_of_issue_16_is_protected_sex_by_answer()
    {
        // Sex (female, male) × used the service (yes, no): female 9 / 6, male 4 / 7; yes overall 13.
        var respondents = new List<AuditRespondent>();
        void Add(int n, int sex, int use)
        {
            for (var i = 0; i < n; i++)
            {
                respondents.Add(new AuditRespondent(i % 2, [sex, use]));
            }
        }

        Add(9, 0, 0);
        Add(6, 0, 1);
        Add(4, 1, 0);
        Add(7, 1, 1);
        var survey = new AuditSurvey(2, [new AuditQuestion(AuditKind.OneOf, 2, false), new AuditQuestion(AuditKind.OneOf, 2, false)], respondents);
        var naive = DisclosureAudit.Audit(survey, thresholdOnly: true);
        Assert.True(naive.Recovered > 0, "the old rule (hide under 5 only) gives the 4 back");
        var protectedResult = DisclosureAudit.Audit(survey);
        Assert.True(protectedResult.Hidden > 0);
        Assert.Equal(0, protectedResult.Recovered);

        var oneWay = SurveyDisclosure.OneWay(DisclosureAxis.Partition(2, false), [13, 13], 26);
        var sexOneWay = SurveyDisclosure.OneWay(DisclosureAxis.Partition(2, false), [15, 11], 26);
        var cross = SurveyDisclosure.Cross(DisclosureAxis.Partition(2, false), DisclosureAxis.Partition(2, false), new long[,] { { 9, 6 }, { 4, 7 } }, [15, 11], [13, 13], sexOneWay, oneWay, rowsFirst: true);
        Assert.False(oneWay.Cells[0, 0]);
        Assert.True(cross.Cells[1, 0]);
        Assert.True(cross.Cells[0, 0], "female yes (9) would give male yes as 13 − 9");
    }

    [Fact]
    public void Complementary_suppression_leaves_every_hidden_cell_on_a_cycle()
    {
        // Units × options with margins known: the 3 must be hidden with at least three other cells.
        var pattern = SurveyDisclosure.ByUnit(DisclosureAxis.Partition(3, false), new long[,] { { 3, 20, 30 }, { 12, 25, 40 }, { 9, 9, 9 } }, [53, 77, 27],
            SurveyDisclosure.OneWay(DisclosureAxis.Partition(3, false), [24, 54, 79], 157));
        var hidden = Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, 3).Where(c => pattern.Cells[r, c]).Select(c => (r, c))).ToList();
        Assert.Contains((0, 0), hidden);
        Assert.True(hidden.Count >= 4);
        Assert.All(hidden, h => Assert.True(hidden.Count(o => o.r == h.r) >= 2 && hidden.Count(o => o.c == h.c) >= 2));
    }

    [Fact]
    public void Multiple_choice_options_overlap_so_a_lone_hidden_option_stays_hidden()
    {
        var pattern = SurveyDisclosure.OneWay(DisclosureAxis.Multiple(3, true), [3, 40, 22], 50);
        Assert.True(pattern.Cells[0, 0]);
        Assert.False(pattern.Cells[0, 1]);
        Assert.False(pattern.Cells[0, 2]);
        Assert.False(pattern.RowAnswered[0]);
    }

    [Fact]
    public void Random_surveys_no_hidden_figure_is_recovered_by_any_differencing()
    {
        var result = DisclosureAudit.Run(surveys: 40, seed: 20261206);
        Assert.True(result.Hidden > 100, $"only {result.Hidden} hidden figures: the generator must make small cells");
        Assert.Equal(0, result.Recovered);
        var old = DisclosureAudit.Run(surveys: 40, seed: 20261206, thresholdOnly: true);
        Assert.True(old.Recovered > 0, "the audit must find what hiding only small cells leaks");
    }
}
