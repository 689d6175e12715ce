using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class StoryFactsTests
{
    private static readonly string[] DaNangWards = ["Hòa Khánh", "Hòa Minh", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang", "Liên Chiểu"];

    private static string Flood(string ward, int households) =>
        $"Ngập sâu tại {ward} sau mưa lớn: nước lên nhanh, {households} hộ phải di dời đồ đạc lên cao.";

    [Theory]
    [InlineData("Mưa lớn khiến phường Hòa Khánh, TP Đà Nẵng ngập sâu", "places [] wards [hoa khanh] regions [da nang] dates [] amounts []")]
    [InlineData("Ngập sâu tại Hoà Khánh sau mưa", "places [] wards [hoa khanh] regions [] dates [] amounts []")]
    [InlineData("Tai nạn trên quốc lộ 14 đoạn qua xã Hòa Tiến", "places [14] wards [hoa tien] regions [] dates [] amounts []")]
    [InlineData("Cắt điện ở P. Bến Nghé, Q.1, TP.HCM", "places [1] wards [ben nghe] regions [ho chi minh] dates [] amounts []")]
    [InlineData("Ở số 10 phố Hàng Mành Hà Nội", "places [hang manh] wards [] regions [ha noi] dates [] amounts []")]
    [InlineData("Thời tiết Huế ngày 5/12: mưa rào", "places [] wards [] regions [hue] dates [5/12] amounts []")]
    [InlineData("từ 15 giờ ngày 5 tháng 12, giá xăng giảm 520 đồng, còn 20.130 đồng", "places [] wards [] regions [] dates [5/12] amounts [520d, 20130d]")]
    public void Places_dates_and_amounts_are_read_from_the_text(string text, string expected)
    {
        Assert.Equal(expected, StoryFacts.Of(text).ToString());
    }

    [Theory]
    [InlineData("Xã hội ngày càng phát triển, ai cũng cho Nam một lời khuyên")]
    [InlineData("Ban Giám đốc bệnh viện họp sáng nay về năm 2026")]
    public void Common_words_and_persons_are_not_places(string text)
    {
        Assert.True(StoryFacts.Of(text).IsEmpty, StoryFacts.Of(text).ToString());
    }

    [Fact]
    public void One_template_in_nine_wards_is_nine_stories_and_rewrites_still_join()
    {
        var index = new NearDuplicateIndex();
        var old = new NearDuplicateIndex();
        var clusters = new HashSet<int>();
        var oldClusters = new HashSet<int>();
        for (var i = 0; i < DaNangWards.Length; i++)
        {
            var text = Flood(DaNangWards[i], 12 + i * 7);
            clusters.Add(index.Add(text, StoryFacts.Of(text)));
            oldClusters.Add(old.Add(text));
        }
        Assert.Equal(9, clusters.Count);
        Assert.Single(oldClusters);

        // A rewrite of the Hải Châu report (same ward, no number) joins that one, and no other.
        var rewrite = "Ngập sâu tại phường Hải Châu sau mưa lớn: nước lên rất nhanh, nhiều hộ phải di dời đồ đạc lên cao.";
        var joined = index.Add(rewrite, StoryFacts.Of(rewrite));
        Assert.Equal(index.ClusterOf(3), joined);
    }

    [Fact]
    public void A_text_naming_no_place_cannot_bridge_two_wards()
    {
        var index = new NearDuplicateIndex();
        var a = Flood("Hòa Khánh", 30);
        var neutral = "Ngập sâu sau mưa lớn: nước lên nhanh, 30 hộ phải di dời đồ đạc lên cao.";
        var b = Flood("Thanh Khê", 30);
        var first = index.Add(a, StoryFacts.Of(a));
        Assert.Equal(first, index.Add(neutral, StoryFacts.Of(neutral)));
        Assert.NotEqual(first, index.Add(b, StoryFacts.Of(b)));
    }

    [Fact]
    public void Notices_of_different_dates_or_prices_are_different_stories()
    {
        var monday = "Từ 15 giờ ngày 5/12, giá xăng RON 95 giảm 320 đồng mỗi lít, xuống còn 20.130 đồng mỗi lít; dầu diesel giữ nguyên.";
        var later = "Từ 15 giờ ngày 12/12, giá xăng RON 95 giảm 320 đồng mỗi lít, xuống còn 19.810 đồng mỗi lít; dầu diesel giữ nguyên.";
        Assert.False(StoryFacts.Compatible(StoryFacts.Of(monday), StoryFacts.Of(later)));
        Assert.True(StoryFacts.Compatible(StoryFacts.Of(monday), StoryFacts.Of("Giá xăng giảm 320 đồng từ chiều nay")));
    }

    [Fact]
    public void A_version_naming_fewer_places_is_the_same_story()
    {
        var full = StoryFacts.Of("Ngập ở phường Hòa Khánh và phường Liên Chiểu, Đà Nẵng");
        Assert.True(StoryFacts.Compatible(full, StoryFacts.Of("Ngập ở phường Hòa Khánh")));
        Assert.False(StoryFacts.Compatible(full, StoryFacts.Of("Ngập ở phường Hòa Khánh và phường Thanh Khê")));
    }
}
