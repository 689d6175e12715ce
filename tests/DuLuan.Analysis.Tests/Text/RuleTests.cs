using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class RuleTests
{
    private static WatchTopicSet Compile(params (string Id, string Expr)[] topics) =>
        WatchTopicSet.Compile(topics.Select(t => KeyValuePair.Create(t.Id, t.Expr)));

    [Theory]
    [InlineData("sạt lở", "Mưa lớn gây sạt lở đất ở Quảng Nam", true)]
    [InlineData("sat lo", "Mưa lớn gây SẠT LỞ đất", true)]
    [InlineData("sạt lở AND Quảng Nam", "Sạt lở ở Hà Tĩnh", false)]
    [InlineData("lũ OR ngập", "Đường bị ngập sâu", true)]
    [InlineData("ngập NOT triều cường", "Ngập do triều cường", false)]
    [InlineData("ngập AND NOT triều cường", "Ngập do mưa lớn", true)]
    [InlineData("giá NEAR/2 xăng", "Giá bán lẻ xăng tăng", true)]
    [InlineData("giá NEAR/1 xăng", "Giá bán lẻ mặt hàng xăng tăng", false)]
    [InlineData("\"hòa bình\"", "Tỉnh Hòa Bình mưa lớn", true)]
    [InlineData("\"hòa bình\"", "Ở Hoà Bình mưa lớn", true)]
    [InlineData("\"hòa bình\"", "hoa binh khong dau", false)]
    [InlineData("hòa bình", "hoa binh khong dau", true)]
    [InlineData("(lũ OR lụt) AND (miền Trung OR Tây Nguyên)", "Lụt lớn ở miền Trung", true)]
    public void Evaluates_expressions(string expression, string text, bool expected) =>
        Assert.Equal(expected, Compile(("t", expression)).Match(text).Count == 1);

    [Theory]
    [InlineData("", 1)]
    [InlineData("lũ AND", 7)]
    [InlineData("(lũ OR lụt", 1)]
    [InlineData("lũ)", 3)]
    [InlineData("\"lũ lụt", 1)]
    [InlineData("giá NEAR xăng", 9)]
    [InlineData("giá NEAR/0 xăng", 10)]
    [InlineData("(a OR b) NEAR/3 c", 10)]
    [InlineData("OR lũ", 1)]
    public void Reports_position_and_reason(string expression, int position)
    {
        var error = WatchTopicSet.Validate(expression);
        Assert.NotNull(error);
        Assert.Equal(position, error.Position + 1);
        Assert.Contains("Vị trí", error.Message, StringComparison.Ordinal);
        Assert.Contains("Position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_topics_share_one_automaton()
    {
        var topics = Enumerable.Range(0, 1000).Select(i => ($"t{i}", $"từ{i} AND (khóa{i} OR \"cụm {i}\")")).ToArray();
        var set = Compile([.. topics, ("flood", "lũ lụt NEAR/3 miền Trung")]);
        var matches = set.Match("Lũ lụt nghiêm trọng tại miền Trung; từ5 và khóa5 xuất hiện.");
        Assert.Equal(["t5", "flood"], matches.Select(m => m.TopicId).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Hostile_text_and_expressions_do_not_throw_unexpectedly()
    {
        var random = new Random(13);
        var set = Compile(("a", "lũ OR \"sạt lở\""), ("b", "NOT ngập"));
        for (var i = 0; i < 2000; i++)
        {
            var s = HostileInputTests.RandomText(random, 60);
            _ = set.Match(s);
            _ = WatchTopicSet.Validate(s);
        }
    }
}
