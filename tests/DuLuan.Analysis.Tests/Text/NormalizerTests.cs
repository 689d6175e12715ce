using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class NormalizerTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("HOÀ BÌNH", "HÒA BÌNH")]
    [InlineData("quỳ", "quỳ")]
    [InlineData("baỏ", "bảo")]
    [InlineData("lựơng", "lượng")]
    [InlineData("nghịêm", "nghiệm")]
    [InlineData("đaị", "đại")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("gìa", "già")]
    [InlineData("ngòai", "ngoài")]
    [InlineData("quyết", "quyết")]
    [InlineData("Ðà Nẵng", "Đà Nẵng")]
    [InlineData("a\u00A0b\u200Bc", "a bc")]
    [InlineData("“trích” ‘dẫn’ — gạch", "\"trích\" 'dẫn' - gạch")]
    [InlineData("ho\u0300a", "hòa")]
    public void Normalizes_to_new_style(string input, string expected) =>
        Assert.Equal(expected, VietnameseNormalizer.Normalize(input));

    [Theory]
    [InlineData("hòa", "hoà")]
    [InlineData("thủy", "thuỷ")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("mái", "mái")]
    [InlineData("quý", "quý")]
    public void Old_style_puts_mark_on_second_vowel(string input, string expected) =>
        Assert.Equal(expected, VietnameseNormalizer.Normalize(input, ToneMarkStyle.Old));

    [Fact]
    public void Normal_text_is_returned_without_copy()
    {
        var s = "Người dân phản ánh tình trạng ngập úng kéo dài.";
        Assert.Same(s, VietnameseNormalizer.Normalize(s));
    }

    [Fact]
    public void Leaves_foreign_words_and_mixed_scripts_alone()
    {
        var s = "Café Zoë, 北京, ภาษาไทย, ភាសាខ្មែរ, naïve";
        Assert.Equal(s.Normalize(System.Text.NormalizationForm.FormC), VietnameseNormalizer.Normalize(s));
    }
}
