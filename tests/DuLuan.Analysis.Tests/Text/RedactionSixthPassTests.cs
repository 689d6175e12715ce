using DuLuan.Analysis.Text;
using static DuLuan.Analysis.Tests.Text.RedactedText;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The sixth pass of #18 item 3: homes given in the writer's own words, full names led by rarer family names, and what a
/// learned name may not be (part of an everyday word, the name of a district or ward).
/// </summary>
public class RedactionSixthPassTests
{
    [Theory]
    [InlineData("nhà bố mẹ mình số 20 kiệt 6 Hải Phòng bị trộm đột nhập", "nhà bố mẹ mình [địa chỉ] bị trộm đột nhập")]
    [InlineData("Nhà ba má em ở số 6 kiệt 11 Lê Hữu Trác, ông bà lớn tuổi rồi.", "Nhà ba má em ở [địa chỉ], ông bà lớn tuổi rồi.")]
    [InlineData("nhà ngoại em ở thôn Yến Nê, xã Hòa Tiến, đường về nhà ngập", "nhà ngoại em ở [địa chỉ], xã Hòa Tiến, đường về nhà ngập")]
    [InlineData("Chỗ tôi ở là số 7 ngõ 3 Định Công, đêm nào cũng có người hút chích.", "Chỗ tôi ở là [địa chỉ], đêm nào cũng có người hút chích.")]
    [InlineData("Chỗ em ở là số 9 ngõ 12 Khâm Thiên, nước bẩn lắm", "Chỗ em ở là [địa chỉ], nước bẩn lắm")]
    [InlineData("Phòng trọ của em ở số 12 kiệt 6 Nguyễn Lương Bằng, chủ trọ tự ý cắt điện.", "Phòng trọ của em ở [địa chỉ], chủ trọ tự ý cắt điện.")]
    [InlineData("Tôi sống cùng bố mẹ ở số 40 đường số 12, phường Bình An.", "Tôi sống cùng bố mẹ ở [địa chỉ], phường Bình An.")]
    [InlineData("Nhà tôi ở tận cuối hẻm 72 Lê Quang Định, cống nghẹt mùi hôi lắm.", "Nhà tôi ở tận cuối [địa chỉ], cống nghẹt mùi hôi lắm.")]
    [InlineData("Tôi tên Lan, nhà số 5 ngõ 3 Khâm Thiên, xin phản ánh mùi hôi.", "Tôi tên [họ tên], [địa chỉ], xin phản ánh mùi hôi.")]
    public void Homes_in_the_writers_own_words_are_removed_by_the_rules(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Hầu A Chư xin hỗ trợ gạo cứu đói mùa giáp hạt.", "[họ tên] xin hỗ trợ gạo cứu đói mùa giáp hạt.")]
    [InlineData("Chu Văn Phát lấn chiếm đất công làm chuồng gà.", "[họ tên] lấn chiếm đất công làm chuồng gà.")]
    [InlineData("Hôm qua Thào Mí Sểnh bị ngã ở chợ.", "Hôm qua [họ tên] bị ngã ở chợ.")]
    [InlineData("Sầm Thị Mai ở xã Quang Thành đề nghị được vay vốn.", "[họ tên] ở xã Quang Thành đề nghị được vay vốn.")]
    public void Full_names_led_by_a_rarer_family_name_and_a_middle_name_are_removed_by_the_rules(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Học sinh trường THPT Chu Văn An bị xe tông ở cổng trường.")]
    [InlineData("Chu Văn An là tên trường của con tôi.")]
    [InlineData("Đèn đường trên đường Mạc Thị Bưởi không sáng.")]
    [InlineData("Nhà Văn hóa Thanh niên đóng cửa cả tuần.")]
    [InlineData("Quán cà phê ở số 45 Hùng Vương mở nhạc to.")]
    [InlineData("Nhà tôi gần chợ, quán karaoke ở số 27 Phan Bội Châu hát tới khuya.")]
    public void Places_named_after_people_and_the_problems_location_stay(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), Redact(text));

    [Theory]
    [InlineData("Phúc đáp của phường: đã yêu cầu chủ đầu tư khắc phục.")]
    [InlineData("Thành phố đã có kế hoạch nâng cấp tuyến đường này chưa?")]
    [InlineData("Bình thường khu này rất yên tĩnh.")]
    [InlineData("An toàn giao thông trước cổng trường rất đáng lo.")]
    [InlineData("Nam giới trong xóm đi làm ăn xa, chỉ còn người già.")]
    [InlineData("Hôm qua Lê Lợi ngập sâu, Trần Phú cũng vậy.")]
    public void Everyday_words_that_start_like_given_names_stay_with_the_model(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), Redact(text));

    [Theory]
    [InlineData("Nhà tôi ở số 45/12 Lê Quang Định, Q. Bình Thạnh, TP.HCM.", "Nhà tôi ở [địa chỉ], Q. Bình Thạnh, TP.HCM.")]
    [InlineData("Hôm qua Tuấn nhà đối diện đổ xà bần ra đường, phường Hòa Minh chưa xử lý.", "Hôm qua [họ tên] nhà đối diện đổ xà bần ra đường, phường Hòa Minh chưa xử lý.")]
    public void A_district_or_ward_after_its_unit_word_is_never_a_learned_name(string text, string expected)
        => Assert.Equal(expected, Redact(text));
}
