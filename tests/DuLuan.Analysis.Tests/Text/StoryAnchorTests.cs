using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>Two newsrooms' own words about one event join through the place and date they both name; nothing else does.</summary>
public class StoryAnchorTests
{
    private const string FirstOutlet =
        "Mưa lớn trưa 12/9 khiến nhiều tuyến đường ở TP.HCM ngập sâu, xe chết máy hàng loạt. Các đường Phạm Phú Thứ, Đồng Đen, Bàu Cát (quận Tân Bình) ngập nặng, người dân phải dắt bộ trong nước.";

    private const string SecondOutlet =
        "Ngày thứ ba liên tiếp có mưa lớn, trưa 12/9 người dân TP.HCM lại bì bõm lội nước trên các đường Phạm Phú Thứ, Đồng Đen, Bàu Cát (quận Tân Bình); nhiều xe máy chết máy giữa đường.";

    private static bool Joined(string a, string b, double anchored = NearDuplicateIndex.DefaultAnchoredThreshold)
    {
        var index = new NearDuplicateIndex(anchoredThreshold: anchored);
        index.Add(a, StoryFacts.Of(a));
        return index.Add(b, StoryFacts.Of(b)) == index.ClusterOf(0);
    }

    [Fact]
    public void Two_outlets_reporting_one_flood_in_their_own_words_are_one_story()
    {
        Assert.True(MinHasher.Similarity(new MinHasher().Signature(FirstOutlet), new MinHasher().Signature(SecondOutlet)) < 0.4);
        Assert.False(Joined(FirstOutlet, SecondOutlet, anchored: 2));
        Assert.True(Joined(FirstOutlet, SecondOutlet));
    }

    [Theory]
    [InlineData("12/9", "13/9")]
    [InlineData("Phạm Phú Thứ", "Cộng Hòa")]
    public void The_same_report_for_another_date_or_street_is_another_story(string from, string to)
    {
        Assert.False(Joined(FirstOutlet, SecondOutlet.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void Another_kind_of_event_in_the_same_place_on_the_same_day_is_another_story()
    {
        const string fire = "Chiều 12/9, một căn nhà trên đường Phạm Phú Thứ (quận Tân Bình, TP.HCM) bốc cháy do chập điện; cảnh sát PCCC dập tắt lửa sau 20 phút, không ai bị thương.";
        Assert.False(Joined(FirstOutlet, fire));
    }

    [Fact]
    public void A_text_without_a_date_does_not_join_through_a_place()
    {
        Assert.False(Joined(FirstOutlet.Replace("trưa 12/9 ", "", StringComparison.Ordinal), SecondOutlet.Replace("trưa 12/9 ", "", StringComparison.Ordinal)));
    }
}
