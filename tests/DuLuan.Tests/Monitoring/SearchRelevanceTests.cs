using DuLuan.Analysis.Text;
using DuLuan.Features.Monitoring;

namespace DuLuan.Tests.Monitoring;

/// <summary>Relevance over the window of newest matches (issue #21): BM25 over the window's folded text, newer first on ties.</summary>
public sealed class SearchRelevanceTests
{
    private const string Filler = "tin tuc hom nay co nhieu su kien dang chu y";

    [Fact]
    public void An_article_that_says_the_words_more_often_ranks_first()
    {
        var window = new List<(long, string)>
        {
            (3, "ngap sau ngap " + Filler),
            (2, "ngap sau ngap sau ngap " + Filler),
            (1, "ngap " + Filler),
        };
        Assert.Equal([2L, 3, 1], SearchRelevance.Order(SearchQuery.Parse("ngập"), window));
    }

    [Fact]
    public void A_shorter_article_with_the_same_count_ranks_first_and_ties_go_to_the_newer()
    {
        var window = new List<(long, string)>
        {
            (5, "ngap " + Filler + " " + Filler + " " + Filler),
            (4, "ngap " + Filler),
            (3, "ngap " + Filler),
        };
        Assert.Equal([4L, 3, 5], SearchRelevance.Order(SearchQuery.Parse("ngap"), window));
    }

    [Fact]
    public void Of_two_alternatives_the_one_fewer_matches_hold_weighs_more()
    {
        var window = new List<(long, string)>
        {
            (4, "mua lon " + Filler),
            (3, "mua lon " + Filler),
            (2, "sat lo " + Filler),
            (1, "mua lon " + Filler),
        };
        Assert.Equal(2L, SearchRelevance.Order(SearchQuery.Parse("\"mưa lớn\" OR \"sạt lở\""), window)[0]);
    }

    [Theory]
    [InlineData("nguoi dan o day", "nguoi dan", 1)]
    [InlineData("nguoi dang o day", "nguoi dan", 0)]
    [InlineData("xnguoi dan", "nguoi dan", 0)]
    [InlineData("nguoi dan nguoi dan", "nguoi dan", 2)]
    [InlineData("xang xang xang", "xang xang", 2)]
    [InlineData("dan", "dan", 1)]
    public void Occurrences_are_whole_tokens(string text, string phrase, int expected) =>
        Assert.Equal(expected, SearchRelevance.Occurrences(text, phrase));

    [Fact]
    public void An_empty_window_ranks_nothing() =>
        Assert.Empty(SearchRelevance.Order(SearchQuery.Parse("ngap"), []));
}
