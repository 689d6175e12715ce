using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public sealed class NfcTests
{
    [Fact]
    public void Decomposed_Vietnamese_becomes_composed()
    {
        var decomposed = "Hoa\u0300 Kha\u0301nh, \u0110a\u0300 Na\u0306\u0303ng";
        Assert.Equal("Hoà Khánh, Đà Nẵng", Nfc.Of(decomposed));
    }

    [Fact]
    public void Already_composed_text_is_returned_as_is()
    {
        var text = "Phường Hải Châu";
        Assert.Same(text, Nfc.Of(text));
    }

    [Theory]
    [InlineData("a\uFFFEe\u0301")]
    [InlineData("a\uFFFFe\u0301")]
    [InlineData("a\uFDD0e\u0301")]
    [InlineData("a\uD800e\u0301")]
    [InlineData("e\u0301\uDC00")]
    [InlineData("x\uD83F\uDFFEe\u0301")]
    public void Noncharacters_and_lone_surrogates_never_make_it_throw_and_the_rest_is_composed(string hostile)
    {
        var result = Nfc.Of(hostile);
        Assert.Contains("é", result, StringComparison.Ordinal);
        Assert.Equal(result, result.Normalize(NormalizationForm.FormC));
    }
}
