using DuLuan.Analysis.Text;
using static DuLuan.Analysis.Tests.Text.RedactedText;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The ninth pass of #18 item 3 through the rules: false removals fixed in general form (hamlets alone, everyday words after a
/// name, offices, places after a title) and names with a clear shape (minority, foreign, birth-order names, nicknames).
/// </summary>
public class RedactionNinthPassTests
{
    [Theory]
    [InlineData("Hộ ông Sùng A Lử ở bản Pa Cheo bị sạt lở chuồng trại.", "Hộ ông [họ tên] ở bản Pa Cheo bị sạt lở chuồng trại.")]
    [InlineData("Tôi tên Lò Văn Tiến, nhà ở bản Hốc, xã Chiềng Mai.", "Tôi tên [họ tên], nhà ở bản Hốc, xã Chiềng Mai.")]
    [InlineData("nhà bác Dần ở thôn Mai Trang bị sét đánh cháy công tơ điện", "nhà bác [họ tên] ở thôn Mai Trang bị sét đánh cháy công tơ điện")]
    public void A_hamlet_alone_after_someones_house_is_the_place_around_it(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("nhà em ở thôn Trung Nghĩa, đường vào thôn bị ngập.", "nhà em ở [địa chỉ], đường vào thôn bị ngập.")]
    [InlineData("Hộ bà Hoa ở thôn 5, nhà số 38, xã Ea Wer xin hỗ trợ.", "Hộ bà [họ tên] ở [địa chỉ], xã Ea Wer xin hỗ trợ.")]
    [InlineData("nhà Khúc Văn Đạo ở thôn 7 xóm Trại bị cây đè sập mái", "nhà [họ tên] ở [địa chỉ] bị cây đè sập mái")]
    public void A_hamlet_given_as_the_writers_household_or_with_a_house_or_group_stays_a_home(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("nhờ chị Huệ hàng xóm nộp đơn giúp", "nhờ chị [họ tên] hàng xóm nộp đơn giúp")]
    [InlineData("cô Thu phụ trách thu gom rác ở khu phố 1 nghỉ ốm", "cô [họ tên] phụ trách thu gom rác ở khu phố 1 nghỉ ốm")]
    [InlineData("em nhờ chị Thủy viết giùm đơn xin trợ cấp", "em nhờ chị [họ tên] viết giùm đơn xin trợ cấp")]
    [InlineData("MẸ TÔI LÀ BÀ TRẦN THỊ LỘC THÁNG 11 CHƯA NHẬN TIỀN", "MẸ TÔI LÀ BÀ [họ tên] THÁNG 11 CHƯA NHẬN TIỀN")]
    [InlineData("toi la Chau Thi Thanh, o ap Vinh Loc", "toi la [họ tên], o ap Vinh Loc")]
    [InlineData("anh toan bao ve cho bac my an noi dem qua co nguoi pha khoa cong", "anh [họ tên] bao ve cho bac my an noi dem qua co nguoi pha khoa cong")]
    [InlineData("Anh Tuấn Hòa Khánh báo cột đèn trước chợ bị nghiêng.", "Anh [họ tên] Hòa Khánh báo cột đèn trước chợ bị nghiêng.")]
    public void A_name_stops_before_the_sentences_next_word_or_the_place_after_it(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("con tôi là trần gia bảo học lớp 3", "con tôi là [họ tên] học lớp 3")]
    [InlineData("em là lê hoàng nam sinh viên năm 2", "em là [họ tên] sinh viên năm 2")]
    [InlineData("Chị Thanh Xuân báo thang máy hỏng.", "Chị [họ tên] báo thang máy hỏng.")]
    [InlineData("ông Ma Văn Thắng ở thôn Nà Chùa báo trâu bị chết do rét", "ông [họ tên] ở thôn Nà Chùa báo trâu bị chết do rét")]
    [InlineData("Con trai ông Mạch Vĩ Thành bị chó nhà bên cắn.", "Con trai ông [họ tên] bị chó nhà bên cắn.")]
    public void Names_that_look_like_everyday_words_or_places_stay_whole(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Trưởng Ban Dân tộc tỉnh Đắk Lắk ông Y Bhim Niê đã làm việc với bà H'Mai Êban.", "Trưởng Ban Dân tộc tỉnh Đắk Lắk ông Y Bhim Niê đã làm việc với bà [họ tên].")]
    [InlineData("Phó Trưởng Ban Dân tộc huyện, ông Nguyễn Văn Tâm, trả lời kiến nghị.", "Phó Trưởng Ban Dân tộc huyện, ông Nguyễn Văn Tâm, trả lời kiến nghị.")]
    [InlineData("Bà con dân tộc ông Sùng A Páo ở bản Lao Chải xin gạo.", "Bà con dân tộc ông [họ tên] ở bản Lao Chải xin gạo.")]
    public void An_official_named_after_an_ethnic_affairs_office_and_its_unit_stays(string text, string expected)
        => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Trưởng Ban Dân tộc tỉnh đề nghị rà soát lại danh sách hộ ở thôn Plei Kần.")]
    [InlineData("Trưởng Ban Công tác Mặt trận thôn Trung Lương vận động bà con hiến đất làm đường.")]
    [InlineData("ĐỀ NGHỊ TRƯỞNG CÔNG AN XÃ XÁC MINH VIỆC CHỞ HÀNG LẬU QUA CỬA KHẨU")]
    [InlineData("Theo đồng chí Chính trị viên Ban Chỉ huy Quân sự xã, buổi khám tuyển dời sang thứ Hai.")]
    [InlineData("Bà Rịa mưa lớn, quốc lộ 51 ngập một đoạn.")]
    [InlineData("ae lam ray o Chu Pah ve som")]
    public void Offices_and_places_that_begin_like_a_title_or_family_name_stay(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), RulesOnly(text));

    [Theory]
    [InlineData("chi Nga o so 3 to 9 phuong Dinh Ke, Bac Giang bi cat tro cap", "chi [họ tên] o [địa chỉ] phuong Dinh Ke, Bac Giang bi cat tro cap")]
    [InlineData("gia dinh em o khom 3 phuong Vinh My, Chau Doc, xin dang ky nhan gao", "gia dinh em o [địa chỉ] phuong Vinh My, Chau Doc, xin dang ky nhan gao")]
    public void A_province_typed_without_marks_that_begins_like_a_title_stays(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Cửa hàng điện máy ở ngã tư Lê Hồng Phong - Đinh Công Tráng bật loa quảng cáo cả ngày.")]
    [InlineData("den giao thong hu o nga tu Nguyen Kiem - Hoang Minh Giam")]
    [InlineData("Xe chở rác rò nước thải suốt đoạn Lê Văn Việt gần ngã tư Thủ Đức.")]
    [InlineData("Đoạn Điện Biên Phủ từ cầu Sài Gòn đến ngã tư Hàng Xanh có nhiều ổ gà.")]
    [InlineData("xe bồn tưới nước sẽ làm việc trên Lê Văn Hiến từ 5h sáng.")]
    public void A_junctions_second_street_and_a_stretch_named_after_a_person_stay(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), RulesOnly(text));

    [Theory]
    [InlineData("Ông John Smith quốc tịch Anh phản ánh quán karaoke tại số 33 Bùi Viện mở nhạc đến 2 giờ sáng.", "Ông [họ tên] quốc tịch Anh phản ánh quán karaoke tại số 33 Bùi Viện mở nhạc đến 2 giờ sáng.")]
    [InlineData("gặp chị Hạnh, chị nhận đăng ký tiêm cho bé ở tổ 12 nhé", "gặp chị [họ tên], chị nhận đăng ký tiêm cho bé ở tổ 12 nhé")]
    [InlineData("dem nay em tan ca luc 2h sang o cong ty, anh Hieu cho em di nho", "dem nay em tan ca luc 2h sang o cong ty, anh [họ tên] cho em di nho")]
    [InlineData("\"Dậu ơi ra coi, nước vô tới bậc thềm rồi\" - bà hàng xóm kêu lúc 2h sáng", "\"Dậu ơi ra coi, nước vô tới bậc thềm rồi\" - bà hàng xóm kêu lúc 2h sáng")]
    public void A_title_used_as_a_pronoun_before_a_verb_is_no_name(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("e đang trọ ở ngõ 88 Trần Quý Cáp Đống Đa, chủ trọ thu tiền điện 4k/số", "e đang trọ ở [địa chỉ] Đống Đa, chủ trọ thu tiền điện 4k/số")]
    [InlineData("nhà chị gái em ở số 18 đường Trần Phú Hà Tĩnh bị mất nước 2 ngày", "nhà chị gái em ở [địa chỉ] Hà Tĩnh bị mất nước 2 ngày")]
    [InlineData("Nhà tôi ở số 5 Nguyễn Thị Minh Khai, cống nghẹt.", "Nhà tôi ở [địa chỉ], cống nghẹt.")]
    public void A_city_or_district_written_after_the_street_of_a_home_stays(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Cổng Bệnh viện Đa khoa Đỗ Xuân Hợp ngập sâu 40 cm, xe cấp cứu không vào được.")]
    [InlineData("Giải thưởng Trần Văn Giàu năm 2026 trao cho công trình nghiên cứu về lịch sử Nam Bộ.")]
    [InlineData("Học bổng Vừ A Dính năm học 2026-2027 xét cho 12 học sinh.")]
    public void Awards_scholarships_and_hospitals_named_after_people_stay(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), RulesOnly(text));

    [Theory]
    [InlineData("STT 5: Y Bhiông Niê, khuyết tật nặng, mức 720.000 đồng/tháng.", "STT 5: [họ tên], khuyết tật nặng, mức 720.000 đồng/tháng.")]
    [InlineData("Chị H'Bia Mlô hỏi về học bổng cho con.", "Chị [họ tên] hỏi về học bổng cho con.")]
    [InlineData("Người làm đơn: Siu H'Lin, xin hỗ trợ làm nhà.", "Người làm đơn: [họ tên], xin hỗ trợ làm nhà.")]
    [InlineData("Hôm qua Ksor Nul bị ngã xe ở dốc.", "Hôm qua [họ tên] bị ngã xe ở dốc.")]
    [InlineData("Rơ Mah Hiên xin vay vốn trồng cà phê.", "[họ tên] xin vay vốn trồng cà phê.")]
    [InlineData("Siu H'Luyến được hỗ trợ bò giống ở xã Ia Dom", "[họ tên] được hỗ trợ bò giống ở xã Ia Dom")]
    [InlineData("Chú Danh Út làm nghề đan đát ở ấp Cà Săng.", "Chú [họ tên] làm nghề đan đát ở ấp Cà Săng.")]
    [InlineData("Con tôi Danh Chí Thanh bị té sông ở rạch Tầm Phương.", "Con tôi [họ tên] bị té sông ở rạch Tầm Phương.")]
    [InlineData("Ama Sen với K'Brel đã nộp đơn.", "[họ tên] với [họ tên] đã nộp đơn.")]
    public void Highland_and_Khmer_names_of_a_clear_shape_are_removed_by_the_rules(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Ia H'Drai xa, đường tỉnh lộ mùa mưa lầy.")]
    [InlineData("Bà con hỏi lớp dạy tiếng K'Ho ở Lạc Dương.")]
    [InlineData("Nên ghi rõ giờ xả đập thủy điện A Vương.")]
    [InlineData("Sinh viên khu A Ký túc xá được nghỉ.")]
    [InlineData("Y tế xã đã đến tận nhà.")]
    [InlineData("Danh sách hộ nghèo đã niêm yết.")]
    public void Places_languages_and_everyday_words_of_the_same_shape_stay(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), RulesOnly(text));
}
