using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData("\u0110\u00E0 N\u1EB5ng")] // Đà Nẵng, NFC
    [InlineData("da nang")]
    [InlineData("\u0111\u00E0 n\u1EB5ng")] // đà nẵng
    [InlineData("\u0111a\u0300 na\u0306\u0303ng")] // đà nẵng, NFD
    [InlineData("  DA   NANG ")]
    public void Spellings_of_da_nang_give_the_same_query(string input)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal("\"da\" AND \"nang\"", query.ToFts5Match());
        Assert.Equal("'da' & 'nang'", query.ToPostgresTsQuery());
    }

    [Fact]
    public void Both_tone_placements_fold_alike()
    {
        var oldStyle = SearchQuery.Parse("ho\u00E0 kh\u00E1nh"); // hoà khánh
        var newStyle = SearchQuery.Parse("h\u00F2a kh\u00E1nh"); // hòa khánh
        Assert.Equal(oldStyle.ToFts5Match(), newStyle.ToFts5Match());
        Assert.Equal("\"hoa\" AND \"khanh\"", oldStyle.ToFts5Match());
    }

    [Fact]
    public void Phrases_or_and_exclusions_render_for_both_engines()
    {
        var query = SearchQuery.Parse("\"Đà Nẵng\" bão OR lũ | \"sạt lở\" -\"ngập úng\" -mưa");
        Assert.Equal("(\"da nang\" AND (\"bao\" OR \"lu\" OR \"sat lo\")) NOT (\"ngap ung\" OR \"mua\")", query.ToFts5Match());
        Assert.Equal("('da' <-> 'nang') & ('bao' | 'lu' | ('sat' <-> 'lo')) & !('ngap' <-> 'ung') & !'mua'", query.ToPostgresTsQuery());
        Assert.Equal(["da nang", "bao", "lu", "sat lo"], query.Highlights.Select(p => p.Text));
    }

    [Theory]
    [InlineData("covid-19", "covid 19")]
    [InlineData("tp.hcm", "tp hcm")]
    [InlineData("50%", "50")]
    [InlineData("email@x.vn", "email x vn")]
    [InlineData("25.000đ", "25 000d")]
    [InlineData("(hải-vân)", "hai van")]
    public void A_word_with_punctuation_is_the_phrase_of_its_letter_digit_runs(string input, string phrase)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal(phrase, Assert.Single(query.Highlights).Text);
        Assert.Equal(phrase, SearchText.IndexForm(input));
    }

    [Fact]
    public void Hyphen_inside_a_word_is_not_an_exclusion_and_lone_punctuation_is_ignored()
    {
        Assert.Empty(SearchQuery.Parse("covid-19").Excluded);
        Assert.Equal("\"a\" AND \"b\"", SearchQuery.Parse("a - % () b").ToFts5Match());
        Assert.Equal("(\"a\") NOT (\"b\")", SearchQuery.Parse("a -b").ToFts5Match());
        Assert.Equal("\"or\" AND \"x\"", SearchQuery.Parse("or x").ToFts5Match());
    }

    [Theory]
    [InlineData("", 0, "chưa có từ nào")]
    [InlineData("  %% ()  ", 0, "chưa có từ nào")]
    [InlineData("-bão -\"lũ lụt\"", 0, "cần ít nhất một từ cần tìm")]
    [InlineData("bão \"lũ lụt", 4, "ngoặc kép")]
    [InlineData("OR bão", 0, "OR phải")]
    [InlineData("bão OR", 4, "OR phải")]
    [InlineData("bão | | lũ", 6, "OR phải")]
    [InlineData("bão OR -lũ", 4, "OR phải")]
    [InlineData("-lũ OR bão", 4, "OR phải")]
    public void Bad_input_gets_a_position_and_a_reason(string input, int position, string reasonPart)
    {
        var error = Assert.Throws<TextSyntaxException>(() => SearchQuery.Parse(input));
        Assert.Equal(position, error.Position);
        Assert.Contains(reasonPart, error.ReasonVi, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.ReasonEn));
    }

    [Fact]
    public void Limits_on_length_and_word_count()
    {
        var tooLong = new string('a', SearchQuery.MaxLength + 1);
        Assert.Equal(SearchQuery.MaxLength, Assert.Throws<TextSyntaxException>(() => SearchQuery.Parse(tooLong)).Position);
        SearchQuery.Parse(new string('a', SearchQuery.MaxLength));

        var words = string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms).Select(i => $"w{i}"));
        Assert.Equal(SearchQuery.MaxTerms, SearchQuery.Parse(words).Groups.Count);
        var error = Assert.Throws<TextSyntaxException>(() => SearchQuery.Parse(words + " one-more"));
        Assert.Equal(words.Length + 1, error.Position);
    }
}
