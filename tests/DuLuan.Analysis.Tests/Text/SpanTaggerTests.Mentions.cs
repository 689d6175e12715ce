using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The span model's ninth pass (#18 item 3): other mentions of a person found in the same text, a kinship word or title that
/// lifts the checks on a learned name, a learned name that widens the rules' name, and a word's shape as a syllable.
/// </summary>
public partial class SpanTaggerTests
{
    private static List<string> Mentions(string text, string found)
    {
        // What the rules found as places, officials and numbers guards the step; the names they found would be candidates already.
        var (view, marks) = PersonalDataRedactor.RuleMarks(text);
        marks = marks.Select(m => m is SpanFeatures.NameFirst or SpanFeatures.NameInside ? SpanFeatures.None : m).ToArray();
        var spans = new List<RedactionSpan> { new(text.IndexOf(found, StringComparison.Ordinal), found.Length, RedactionKind.PersonName) };
        OtherMentions.Add(view, marks, spans);
        return spans.Skip(1).Select(s => text.Substring(s.Start, s.Length)).ToList();
    }

    [Theory]
    [InlineData("Ông Nguyễn Văn Phúc gửi đơn, sau đó tôi gặp Phúc ở chợ.", "Nguyễn Văn Phúc", "Phúc")]
    [InlineData("Trần Thị Hạnh báo mất xe; công an đã mời chị HẠNH lên làm việc.", "Trần Thị Hạnh", "HẠNH")]
    [InlineData("Chị Lê Thị Mai nhờ hỏi, em đã báo cho Lê Thị Mai rồi.", "Lê Thị Mai", "Lê Thị Mai")]
    public void Another_mention_of_a_found_person_after_a_title_or_verb_is_removed(string text, string found, string other)
        => Assert.Equal([other], Mentions(text, found));

    [Theory]
    [InlineData("Lan kể dịch tay chân miệng đang lan rộng ở lớp mẫu giáo.", "Lan")]
    [InlineData("Bà Lưu Mỹ Hoa người Hoa ở Q.6 hỏi về đổi tên trên giấy tờ nhà.", "Lưu Mỹ Hoa")]
    [InlineData("Nga nhà bên nói đi Nga từ tháng trước, nhà bỏ hoang.", "Nga")]
    [InlineData("Ông Hòa Phát bán sắt thép không phải người của Tập đoàn Hòa Phát.", "Hòa Phát")]
    [InlineData("Chị Thìn bán phở ở quán phở Thìn trên phố Lò Đúc.", "Thìn")]
    [InlineData("Anh Nguyễn Tuấn Anh gọi, anh ấy nói anh Tùng cũng biết.", "Nguyễn Tuấn Anh")]
    public void A_word_of_a_found_name_that_is_no_mention_of_the_person_stays(string text, string found)
        => Assert.Empty(Mentions(text, found));

    [Theory]
    [InlineData("Hôm qua anh Quốc ở tổ dân phố gọi báo mất điện.", "Hôm qua anh [họ tên] ở tổ dân phố gọi báo mất điện.")]
    [InlineData("Mệ Sáu và o Gái ở xã Quảng Phú xin nhận gạo cứu trợ.", "Mệ [họ tên] và o [họ tên] ở xã Quảng Phú xin nhận gạo cứu trợ.")]
    [InlineData("Anh Thông nhờ tôi hỏi, rồi tôi gặp Thông ở chợ Cồn.", "Anh [họ tên] nhờ tôi hỏi, rồi tôi gặp [họ tên] ở chợ Cồn.")]
    public void A_kinship_word_or_title_before_a_learned_name_lifts_the_office_and_capital_checks(string text, string expected)
        => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Gửi lời cảm ơn tới cô Hiệu trưởng trường Mầm non Sao Mai.")]
    [InlineData("Kính gửi ông Tổ trưởng Tổ công tác đặc biệt của phường.")]
    public void A_title_that_is_an_everyday_word_after_a_kinship_word_stays(string text)
        => Assert.Empty(PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text)));

    [Fact]
    public void A_learned_name_running_on_from_the_rules_name_widens_it()
    {
        const string text = "Bà H'Bia Mlô Duôn Du ở buôn Ko Tam xin hỗ trợ gạo.";
        Assert.Contains(RulesOnly(text), s => s.End < text.IndexOf("Duôn", StringComparison.Ordinal));
        Assert.Equal("Bà [họ tên] ở buôn Ko Tam xin hỗ trợ gạo.", Redact(text));
    }

    [Theory]
    [InlineData("nguyen", true)]
    [InlineData("phuc", true)]
    [InlineData("nghieng", true)]
    [InlineData("gi", true)]
    [InlineData("quynh", true)]
    [InlineData("nie", true)]
    [InlineData("ksor", false)]
    [InlineData("mlo", false)]
    [InlineData("rmah", false)]
    [InlineData("smith", false)]
    [InlineData("john", false)]
    [InlineData("pinang", false)]
    public void A_folded_word_is_or_is_not_a_Vietnamese_syllable(string fold, bool vietnamese)
        => Assert.Equal(vietnamese, NameSyllable.RhymeStart(fold) >= 0);

    [Theory]
    [InlineData("phúc", 1)]
    [InlineData("hùng", 2)]
    [InlineData("thảo", 3)]
    [InlineData("nguyễn", 4)]
    [InlineData("hạnh", 5)]
    [InlineData("lan", 0)]
    public void The_tone_of_a_word(string lower, int tone) => Assert.Equal(tone, NameSyllable.Tone(lower));
}
