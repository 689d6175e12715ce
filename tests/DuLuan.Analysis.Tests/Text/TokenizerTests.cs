using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void Tokenizes_syllables_numbers_and_punctuation_with_offsets()
    {
        const string text = "Giá xăng tăng 3,5% từ 25.000 đồng... Thật sao?";
        var tokens = SyllableTokenizer.Tokenize(text);
        var parts = tokens.Select(t => (t.Text(text), t.Kind)).ToArray();
        Assert.Equal(("Giá", TokenKind.Syllable), parts[0]);
        Assert.Contains(("3,5", TokenKind.Number), parts);
        Assert.Contains(("%", TokenKind.Punctuation), parts);
        Assert.Contains(("25.000", TokenKind.Number), parts);
        Assert.Contains(("...", TokenKind.Punctuation), parts);
        Assert.Equal(("?", TokenKind.Punctuation), parts[^1]);
        Assert.Equal(7, SyllableTokenizer.CountSyllables(text));
    }

    [Fact]
    public void Splits_sentences_but_not_abbreviations_or_numbers()
    {
        const string text = "TP. HCM có 1.200 ca. Ông Nguyễn V. An nói: \"Được!\" Còn gì nữa?\nDòng mới";
        var sentences = SentenceSplitter.Split(text).Select(r => text[r]).ToArray();
        Assert.Equal(["TP. HCM có 1.200 ca.", "Ông Nguyễn V. An nói: \"Được!\"", "Còn gì nữa?", "Dòng mới"], sentences);
    }

    [Fact]
    public void Hostile_text_does_not_throw()
    {
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            var s = HostileInputTests.RandomText(random, 60);
            _ = SyllableTokenizer.Tokenize(s);
            _ = SentenceSplitter.Split(s);
            _ = WordSegmenter.Default.Segment(s);
        }
    }
}
