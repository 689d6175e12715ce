using DuLuan.Analysis.Text;

namespace DuLuan.Tests;

public class FoldTests
{
    [Fact]
    public void Fold_strips_marks() => Assert.Equal("da nang", VietnameseFold.Fold("ĐÀ NẴNG"));
}
