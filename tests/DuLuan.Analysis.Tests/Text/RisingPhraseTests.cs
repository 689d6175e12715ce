using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class RisingPhraseTests
{
    private static readonly string[] FloodWeek =
    [
        "Mưa lớn kéo dài, nhiều tuyến phố ở Cầu Giấy ngập sâu",
        "Hà Nội: mưa lớn gây ngập sâu, người dân dắt xe qua phố",
        "Học sinh được nghỉ học vì mưa lớn và ngập sâu",
        "Ngập sâu sau mưa lớn, người dân Cầu Giấy lội nước đi làm",
        "mua lon, ngap sau o Cau Giay: nguoi dan dat xe qua pho",
        "Cầu Giấy: mưa lớn, ngập sâu, học sinh nghỉ học",
        "Giá xăng tăng nhẹ từ chiều nay",
        "Giá xăng dự kiến giảm trong kỳ điều hành tới",
    ];

    private static readonly string[] QuietMonth =
    [
        "Giá xăng tăng nhẹ trong kỳ điều hành",
        "Giá xăng giảm nhẹ, giá dầu tăng",
        "Người dân đổ xăng trước kỳ điều hành",
        "Học sinh trở lại trường sau kỳ nghỉ",
        "Thành phố lát lại vỉa hè nhiều tuyến phố",
        "Giá xăng đứng yên, người dân đi làm bình thường",
        "Hội chợ nông sản mở cửa cuối tuần",
        "Đường sắt đô thị chạy thêm chuyến",
    ];

    [Fact]
    public void Shows_multi_syllable_phrases_not_lone_fillers()
    {
        var phrases = RisingPhraseFinder.Find(FloodWeek, QuietMonth, top: 20, minCount: 3);
        var shown = phrases.Select(p => p.Phrase).ToList();
        Assert.All(shown, p => Assert.Contains(' ', p));
        foreach (var filler in new[] { "lớn", "sâu", "học", "qua", "dắt" })
        {
            Assert.DoesNotContain(filler, shown);
        }

        Assert.Contains("mưa lớn", shown);
        Assert.Contains("ngập sâu", shown);
    }

    [Fact]
    public void Shows_no_stopword_and_no_lone_adjective_or_adverb()
    {
        string[] week =
        [
            "Sạt lở nghiêm trọng, tuy nhiên chưa có thiệt hại về người",
            "Sạt lở nghiêm trọng ở bờ sông, xã nhanh chóng di dời dân",
            "Tuy nhiên sạt lở vẫn nghiêm trọng, chính quyền nhanh chóng xử lý",
            "Khắc phục nhanh chóng sạt lở nghiêm trọng, tuy nhiên cần thêm kinh phí",
        ];
        var shown = RisingPhraseFinder.Find(week, QuietMonth, top: 20, minCount: 3).Select(p => p.Phrase).ToList();
        Assert.Contains("sạt lở", shown);
        foreach (var filler in new[] { "nghiêm trọng", "nhanh chóng", "tuy nhiên" })
        {
            Assert.DoesNotContain(filler, shown);
        }

        Assert.All(shown, p => Assert.False(PhraseFilter.IsStopword(p.ToLowerInvariant()) || PhraseFilter.IsModifierOnly(p.ToLowerInvariant()), p));
    }

    [Fact]
    public void Pairs_that_cross_a_word_or_a_name_are_not_phrases()
    {
        // The demo's monitoring titles: "Khánh ngập", "dân dắt", "xã miền", "núi phía" were shown before.
        string[] week =
        [
            "Hòa Khánh ngập sâu sau trận mưa lớn, dân dắt xe qua điểm ngập",
            "Hòa Khánh ngập sâu sau trận mưa lớn, dân dắt xe qua điểm ngập",
            "Hòa Khánh ngập sâu sau trận mưa lớn, dân dắt xe qua điểm ngập",
            "Cảnh báo sạt lở ở các xã miền núi phía tây",
            "Cảnh báo sạt lở ở các xã miền núi phía tây",
            "Cảnh báo sạt lở ở các xã miền núi phía tây",
            "Mưa lớn kéo dài, Hòa Khánh ngập sâu",
        ];
        var shown = RisingPhraseFinder.Find(week, QuietMonth, top: 20, minCount: 3).Select(p => p.Phrase).ToList();
        foreach (var junk in new[] { "khánh ngập", "Khánh ngập", "dân dắt", "xã miền", "núi phía", "trận mưa lớn" })
        {
            Assert.DoesNotContain(junk, shown);
        }

        Assert.Contains("ngập sâu", shown);
        Assert.Contains("mưa lớn", shown);
        Assert.Contains("Hòa Khánh", shown);
        Assert.Contains("điểm ngập", shown);
    }

    [Fact]
    public void The_word_lists_come_from_the_npm_packages_at_build_time()
    {
        Assert.True(PhraseFilter.StopwordCount > 600, $"{PhraseFilter.StopwordCount} stopwords");
        Assert.True(PhraseFilter.ModifierCount > 5000, $"{PhraseFilter.ModifierCount} adjective/adverb-only words");
        Assert.True(PhraseFilter.IsModifierOnly("nghiêm trọng"));
        Assert.True(PhraseFilter.IsModifierOnly("lớn"));
        Assert.False(PhraseFilter.IsModifierOnly("sâu"));
        Assert.False(PhraseFilter.IsModifierOnly("ngập lụt"));
        Assert.True(PhraseFilter.IsStopword("tuy nhiên"));
        Assert.False(PhraseFilter.IsStopword("ngập lụt"));
    }

    [Fact]
    public void Shows_phrases_as_first_written_with_diacritics_and_names_capitalised()
    {
        var phrases = RisingPhraseFinder.Find(FloodWeek, QuietMonth, top: 20, minCount: 3);
        var flood = Assert.Single(phrases, p => p.Key == "ngap sau");
        Assert.Equal("ngập sâu", flood.Phrase);
        Assert.InRange(flood.WindowCount, 5, 6);
        var name = Assert.Single(phrases, p => p.Key == "cau giay");
        Assert.Equal("Cầu Giấy", name.Phrase);
    }

    [Fact]
    public void Ranks_by_growth_and_drops_what_did_not_grow()
    {
        var phrases = RisingPhraseFinder.Find(FloodWeek, QuietMonth, top: 20, minCount: 2);
        Assert.DoesNotContain(phrases, p => p.Key == "gia xang");
        Assert.DoesNotContain(phrases, p => p.Key == "nguoi dan");
        Assert.Equal(phrases.OrderByDescending(p => p.Growth).Select(p => p.Key), phrases.Select(p => p.Key));
        Assert.All(phrases, p => Assert.True(p.Growth > 1));
    }

    [Fact]
    public void Empty_and_hostile_input_gives_no_phrase()
    {
        Assert.Empty(RisingPhraseFinder.Find([], QuietMonth));
        Assert.Empty(RisingPhraseFinder.Find(["", "   ", "\u0000\u200B", "!!! ??? 123 456"], []));
    }
}
