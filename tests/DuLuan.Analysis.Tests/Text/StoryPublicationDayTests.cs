using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// Independent reports rarely write the date ("chiều qua", "sáng nay"): the publication day (the office's local day)
/// stands for it, so two reports of one ward the same day or the next join in their own words, while another ward the
/// same day, or the same ward a week later, stays another story; a date written in the text wins.
/// </summary>
public class StoryPublicationDayTests
{
    // The demo's two flood reports: one outlet's short item and another's longer text, no date written in either.
    private const string Short = "Ngập sâu tại Hòa Khánh sau mưa lớn: nước lên nhanh, 40 hộ phải di dời đồ đạc lên cao.";

    private const string Long =
        "Mưa lớn gây ngập sâu nhiều tuyến đường ở Hòa Khánh\nMưa lớn kéo dài từ chiều qua khiến nhiều tuyến đường ở phường Hòa Khánh ngập sâu, người dân phải dắt xe qua các điểm ngập, lực lượng chức năng đang khơi thông cống thoát nước.";

    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static bool Joined(string a, DateOnly? dayA, string b, DateOnly? dayB)
    {
        var forward = new NearDuplicateIndex();
        forward.Add(a, StoryFacts.Of(a, dayA));
        var joined = forward.Add(b, StoryFacts.Of(b, dayB)) == forward.ClusterOf(0);
        // The order the two arrive in does not matter (a top-up replays stored rows in id order).
        var backward = new NearDuplicateIndex();
        backward.Add(b, StoryFacts.Of(b, dayB));
        Assert.Equal(joined, backward.Add(a, StoryFacts.Of(a, dayA)) == backward.ClusterOf(0));
        return joined;
    }

    [Fact]
    public void Two_reports_of_one_ward_in_other_words_are_one_story_the_same_day_or_the_next()
    {
        Assert.True(MinHasher.Similarity(new MinHasher().Signature(Short), new MinHasher().Signature(Long)) < 0.4);
        Assert.False(Joined(Short, null, Long, null));
        Assert.True(Joined(Short, Monday, Long, Monday));
        Assert.True(Joined(Short, Monday, Long, Monday.AddDays(1)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void The_same_ward_days_later_is_another_story(int days)
    {
        Assert.False(Joined(Short, Monday, Long, Monday.AddDays(days)));
    }

    [Fact]
    public void The_same_wording_for_the_same_ward_a_week_later_is_another_story()
    {
        // One newsroom's house style for a second flood: the words alone would join them (Jaccard >= 0.4).
        var later = Short.Replace("40 hộ", "25 hộ", StringComparison.Ordinal);
        Assert.True(Joined(Short, Monday, later, Monday.AddDays(2)));
        Assert.False(Joined(Short, Monday, later, Monday.AddDays(7)));
    }

    [Fact]
    public void Another_ward_the_same_day_is_another_story()
    {
        Assert.False(Joined(Short, Monday, Long.Replace("Hòa Khánh", "Hòa Minh", StringComparison.Ordinal), Monday));
        Assert.False(Joined(Short, Monday, Short.Replace("Hòa Khánh", "Thanh Khê", StringComparison.Ordinal), Monday));
    }

    [Fact]
    public void A_date_written_in_the_text_wins_over_the_publication_day()
    {
        // Published on Wednesday 9/12 about the flood of Monday 7/12: it meets an undated report of Monday, not of Wednesday.
        var recap = Long.Replace("từ chiều qua", "từ chiều 7/12", StringComparison.Ordinal);
        var wednesday = Monday.AddDays(2);
        Assert.True(Joined(recap, wednesday, Short, Monday));
        Assert.False(Joined(recap, wednesday, Short, wednesday));
        Assert.Equal(["7/12"], StoryFacts.Of(recap, wednesday).Dates);
    }

    [Fact]
    public void Written_dates_still_match_only_exactly()
    {
        var monday = Long.Replace("từ chiều qua", "từ chiều 7/12", StringComparison.Ordinal);
        var tuesday = Short.Replace("Ngập sâu", "Sáng 8/12, ngập sâu", StringComparison.Ordinal);
        Assert.False(Joined(monday, Monday, tuesday, Monday.AddDays(1)));
    }

    [Fact]
    public void Publication_days_of_a_story_span_its_documents()
    {
        var merged = StoryFacts.Merge(StoryFacts.Of(Short, Monday), StoryFacts.Of(Long, Monday.AddDays(2)));
        Assert.Equal(Monday, merged.FirstDay);
        Assert.Equal(Monday.AddDays(2), merged.LastDay);
        Assert.True(StoryFacts.Compatible(merged, StoryFacts.Of(Short, Monday.AddDays(5))));
        Assert.False(StoryFacts.Compatible(merged, StoryFacts.Of(Short, Monday.AddDays(6))));
        Assert.False(StoryFacts.Compatible(merged, StoryFacts.Of(Short, Monday.AddDays(-4))));
        Assert.True(StoryFacts.Compatible(merged, StoryFacts.Of(Short)));
    }

    [Fact]
    public void The_monitoring_tests_texts_are_in_the_anchored_band()
    {
        // tests/DuLuan.Tests/Monitoring/StoryPublicationDayTests: a third outlet's report is close to the recap only through place and day.
        const string later = "Hòa Khánh lại ngập\nSáng nay nhiều khu dân cư ở phường Hòa Khánh lại chìm trong nước sau trận mưa lớn kéo dài, 60 hộ phải kê đồ đạc lên cao; lực lượng chức năng trực ở các điểm ngập sâu.";
        var recap = "Nhìn lại trận ngập ở Hòa Khánh\n" + Long[(Long.IndexOf('\n', StringComparison.Ordinal) + 1)..].Replace("từ chiều qua", "từ chiều 3/12", StringComparison.Ordinal);
        var hasher = new MinHasher();
        var toRecap = MinHasher.Similarity(hasher.Signature(later), hasher.Signature(recap));
        var toShort = MinHasher.Similarity(hasher.Signature(later), hasher.Signature("Ngập sâu tại Hòa Khánh sau mưa lớn\n" + Short));
        Assert.True(toRecap is >= NearDuplicateIndex.DefaultAnchoredThreshold and < 0.4, $"{toRecap}");
        Assert.True(toShort < 0.4, $"{toShort}");
    }
}
