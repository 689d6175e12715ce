using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class FoldTests
{
    [Theory]
    [InlineData("ĐÀ NẴNG", "da nang")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("da nang", "da nang")]
    [InlineData("Thủy điện Hòa Bình", "thuy dien hoa binh")]
    [InlineData("Ðà", "da")]
    [InlineData("a\u0301o", "ao")]
    [InlineData("x\u200By", "xy")]
    [InlineData("“dư luận” – mạng xã hội", "\"du luan\" - mang xa hoi")]
    public void Fold_gives_search_key(string input, string expected) => Assert.Equal(expected, VietnameseFold.Fold(input));

    [Fact]
    public void FoldChar_matches_fold()
    {
        Assert.Equal('d', VietnameseFold.FoldChar('Đ'));
        Assert.Equal('a', VietnameseFold.FoldChar('Ặ'));
        Assert.Equal('u', VietnameseFold.FoldChar('ự'));
        Assert.Equal('\0', VietnameseFold.FoldChar('\u0301'));
    }

    [Fact]
    public void Fold_survives_unpaired_surrogates_and_nul()
    {
        Assert.Equal("a\uFFFDb", VietnameseFold.Fold("a\uD800b\0"));
        Assert.Equal("\uD83D\uDE00", VietnameseFold.Fold("\uD83D\uDE00"));
    }
}
