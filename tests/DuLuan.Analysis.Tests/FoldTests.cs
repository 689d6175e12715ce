using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests;

public class FoldTests
{
    [Fact]
    public void Fold_strips_marks() => Assert.Equal("da nang", VietnameseFold.Fold("ĐÀ NẴNG"));
}
