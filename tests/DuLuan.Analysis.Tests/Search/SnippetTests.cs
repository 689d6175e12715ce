using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Search;

public class SnippetTests
{
    private static IReadOnlyList<SearchPhrase> Terms(string query) => SearchQuery.Parse(query).Highlights;

    private static string Marked(IEnumerable<SnippetSegment> segments) =>
        string.Concat(segments.Select(s => s.IsMatch ? $"[{s.Text}]" : s.Text));

    [Fact]
    public void Marks_whole_words_only_ignoring_case_and_diacritics()
    {
        var text = "To\u00E0n d\u00E2n An Giang \u0111\u00F3n an to\u00E0n."; // Toàn dân An Giang đón an toàn.
        Assert.Equal("To\u00E0n d\u00E2n [An] Giang \u0111\u00F3n [an] to\u00E0n.", Marked(Snippet.Highlight(text, Terms("an"))));
        Assert.Equal("[To\u00E0n] d\u00E2n An Giang \u0111\u00F3n an [to\u00E0n].", Marked(Snippet.Highlight(text, Terms("TOAN"))));
    }

    [Fact]
    public void Phrases_match_across_punctuation_and_d_with_stroke()
    {
        var text = "\u0110\u00C0 N\u1EB4NG: \u0111\u00E0-n\u1EB5ng v\u00E0 \u0110\u00E0 L\u1EA1t"; // ĐÀ NẴNG: đà-nẵng và Đà Lạt
        Assert.Equal("[\u0110\u00C0 N\u1EB4NG]: [\u0111\u00E0-n\u1EB5ng] v\u00E0 \u0110\u00E0 L\u1EA1t", Marked(Snippet.Highlight(text, Terms("\"da nang\""))));
        Assert.Equal("[\u0110\u00C0] [N\u1EB4NG]: [\u0111\u00E0]-[n\u1EB5ng] v\u00E0 [\u0110\u00E0] L\u1EA1t", Marked(Snippet.Highlight(text, Terms("da nang"))));
    }

    [Fact]
    public void Nfd_text_keeps_its_combining_marks_inside_the_match()
    {
        var text = "Pho\u0302\u0301 \u0110a\u0300 Na\u0306\u0303ng \u0111e\u0323p"; // Phố Đà Nẵng đẹp, decomposed
        var segments = Snippet.Highlight(text, Terms("\u0111\u00E0 n\u1EB5ng"));
        Assert.Equal("Pho\u0302\u0301 [\u0110a\u0300] [Na\u0306\u0303ng] \u0111e\u0323p", Marked(segments));
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void Both_tone_placements_match_each_other()
    {
        Assert.Equal("Ph\u01B0\u1EDDng [Ho\u00E0] Kh\u00E1nh", Marked(Snippet.Highlight("Ph\u01B0\u1EDDng Ho\u00E0 Kh\u00E1nh", Terms("h\u00F2a"))));
        Assert.Equal("Ph\u01B0\u1EDDng [H\u00F2a] Kh\u00E1nh", Marked(Snippet.Highlight("Ph\u01B0\u1EDDng H\u00F2a Kh\u00E1nh", Terms("ho\u00E0"))));
    }

    [Fact]
    public void Invisible_characters_and_emoji_do_not_break_offsets()
    {
        var text = "\uFEFF😀 h\u00F2a\u200Bb\u00ECnh 😀 \u0111\u00E0 n\u1EB5ng"; // zero-width space inside "hòa​bình"
        Assert.Equal("\uFEFF😀 [h\u00F2a\u200Bb\u00ECnh] 😀 [\u0111\u00E0 n\u1EB5ng]", Marked(Snippet.Highlight(text, Terms("hoabinh \"da nang\""))));
    }

    [Fact]
    public void Long_text_gets_the_window_with_the_most_distinct_terms_cut_at_word_boundaries()
    {
        var filler = string.Concat(Enumerable.Repeat("ng\u01B0\u1EDDi d\u00E2n ph\u1EA3n \u00E1nh v\u1EC1 \u0111\u01B0\u1EDDng x\u00E1. ", 20));
        var text = "B\u00E3o s\u1ED1 5. " + filler + "M\u01B0a l\u1EDBn g\u00E2y ng\u1EADp \u00FAng, b\u00E3o g\u00E2y s\u1EA1t l\u1EDF \u1EDF H\u1EA3i V\u00E2n. " + filler;
        var segments = Snippet.Build(text, Terms("bão \"sạt lở\" ngập"), 120);

        Assert.Equal("\u2026", segments[0].Text);
        Assert.Equal("\u2026", segments[^1].Text);
        var body = string.Concat(segments.Skip(1).SkipLast(1).Select(s => s.Text));
        Assert.InRange(body.Length, 60, 120);
        var at = text.IndexOf(body, StringComparison.Ordinal);
        Assert.True(at > 0);
        Assert.True(char.IsWhiteSpace(text[at - 1]));
        Assert.True(char.IsWhiteSpace(text[at + body.Length]) || char.IsPunctuation(text[at + body.Length - 1]));
        var marked = segments.Where(s => s.IsMatch).Select(s => VietnameseFold.Fold(s.Text)).ToHashSet();
        Assert.Equal(["bao", "ngap", "sat lo"], marked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_matches_the_snippet_is_the_beginning()
    {
        var text = string.Concat(Enumerable.Repeat("m\u1ED9t hai ba b\u1ED1n ", 30));
        var segments = Snippet.Build(text, Terms("năm"), 50);
        Assert.DoesNotContain(segments, s => s.IsMatch);
        Assert.StartsWith(segments[0].Text, text, StringComparison.Ordinal);
        Assert.Equal("\u2026", segments[^1].Text);
        Assert.True(segments[0].Text.Length <= 50);
    }

    [Fact]
    public void A_long_unbroken_word_is_cut_without_splitting_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 200));
        var segments = Snippet.Build(text, Terms("x"), 41);
        Assert.False(char.IsHighSurrogate(segments[0].Text[^1]));
    }

    [Fact]
    public void Hostile_text_never_throws_and_segments_are_slices_of_the_text()
    {
        var random = new Random(11);
        for (var n = 0; n < 2_000; n++)
        {
            var text = DuLuan.Analysis.Tests.Text.HostileInputTests.RandomText(random, 400);
            var segments = Snippet.Build(text, Terms("a đ hòa \"an toàn\""), 60);
            var body = string.Concat(segments.Where(s => s.Text != "\u2026").Select(s => s.Text));
            Assert.Contains(body, text, StringComparison.Ordinal);
        }
    }
}
