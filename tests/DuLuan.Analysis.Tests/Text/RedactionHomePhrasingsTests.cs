using DuLuan.Analysis.Text;
using static DuLuan.Analysis.Tests.Text.RedactedText;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The eighth pass of #18 item 3 (rules): a home given in the writer's or someone's own words is removed, up to its house
/// number and no further; the problem's location, a house that is a place and public places stay.
/// </summary>
public class RedactionHomePhrasingsTests
{
    [Theory]
    [InlineData("Em ở trọ số 4 hẻm 12 Nguyễn Văn Cừ, chủ trọ thu tiền điện quá cao.", "Em ở trọ [địa chỉ], chủ trọ thu tiền điện quá cao.")]
    [InlineData("ĐC thường trú: số 9 ngõ 3 phố Huế, Hà Nội.", "ĐC thường trú: [địa chỉ], Hà Nội.")]
    [InlineData("dc nha: 18/3B Huynh Tan Phat, P.Tan Thuan Tay, Q.7", "dc nha: [địa chỉ], P.Tan Thuan Tay, Q.7")]
    [InlineData("dia chi nha em: so 41 kiet 19 le loi, p. thach thang, ong nuoc vo", "dia chi nha em: [địa chỉ], p. thach thang, ong nuoc vo")]
    [InlineData("Tôi có hộ khẩu tại số 3 đường Lê Lợi, thị trấn Ái Nghĩa.", "Tôi có hộ khẩu tại [địa chỉ], thị trấn Ái Nghĩa.")]
    [InlineData("Nhà bà con tôi ở số 20 ngõ 5 Trần Cao Vân bị ngập.", "Nhà bà con tôi ở [địa chỉ] bị ngập.")]
    [InlineData("Tôi cư ngụ tại số 101 Lạc Long Quân, phường 3, quận 11.", "Tôi cư ngụ tại [địa chỉ], phường 3, quận 11.")]
    [InlineData("Tôi đang tạm trú tại số 7 hẻm 30 Lê Văn Sỹ, phường 13.", "Tôi đang tạm trú tại [địa chỉ], phường 13.")]
    [InlineData("Nhà số 12 kiệt 5 Hùng Vương của ông Tâm bị cháy tối qua.", "[địa chỉ] của ông [họ tên] bị cháy tối qua.")]
    [InlineData("nhà tôi nằm cuối ngõ 66 Thái Hà, xe rác không vào", "nhà tôi nằm cuối [địa chỉ], xe rác không vào")]
    [InlineData("Nhà chúng tôi nằm sâu trong hẻm 118 Bùi Thị Xuân, xe cứu hỏa không vào được.", "Nhà chúng tôi nằm sâu trong [địa chỉ], xe cứu hỏa không vào được.")]
    [InlineData("nhà tôi số 19 ngõ 7 Quan Hoa bị nứt tường", "nhà tôi [địa chỉ] bị nứt tường")]
    [InlineData("Tiếp nhận: ồn nhậu tại quán số 50 Lê Văn Hiến; người báo ở số 52 Lê Văn Hiến.", "Tiếp nhận: ồn nhậu tại quán số 50 Lê Văn Hiến; người báo ở [địa chỉ].")]
    [InlineData("Nhà tôi gần chợ Hàn, số 14 kiệt 7 Bạch Đằng, nước ngập.", "Nhà tôi gần chợ Hàn, [địa chỉ], nước ngập.")]
    [InlineData("Tôi ở số 9 ngõ Văn Chương, con ngõ quá hẹp.", "Tôi ở [địa chỉ], con ngõ quá hẹp.")]
    public void A_home_in_residents_own_words_is_removed(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Anh Đức (0905.337.891) ở số 5 kiệt 30 Tô Hiến Thành nhặt được ví.", "Anh [họ tên] [số điện thoại] ở [địa chỉ] nhặt được ví.")]
    [InlineData("Cô Nguyễn Thị Thu Hà, giáo viên, số 77 Núi Thành, hỏi về chế độ nghỉ hưu.", "Cô [họ tên], giáo viên, [địa chỉ], hỏi về chế độ nghỉ hưu.")]
    [InlineData("Chị Phạm Thị Ngọc Ánh, tổ 21, đã nộp đủ hồ sơ.", "Chị [họ tên], [địa chỉ], đã nộp đủ hồ sơ.")]
    [InlineData("Nguyễn Ngọc Ánh (chủ nhà số 10 Lê Lai) xây lấn sang đất công.", "[họ tên] (chủ nhà [địa chỉ]) xây lấn sang đất công.")]
    [InlineData("Nhà bác Bảy ở cuối kiệt 71 Điện Biên Phủ bị ngập.", "Nhà bác [họ tên] ở cuối [địa chỉ] bị ngập.")]
    [InlineData("Làm việc với hộ ông Phạm Văn Cường, thửa đất số 112, tờ bản đồ số 9, xã Hòa Tiến.", "Làm việc với hộ ông [họ tên], [địa chỉ], xã Hòa Tiến.")]
    public void Someones_home_given_beside_their_name_is_removed(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Căn hộ của tôi ở tầng 9 căn 905 chung cư Phú Hoàng Anh bị thấm.", "Căn hộ của tôi ở [địa chỉ] chung cư Phú Hoàng Anh bị thấm.")]
    [InlineData("Tôi là Vũ Thị Hạnh, ở phòng 1204 tòa B chung cư Mường Thanh, thang máy hỏng.", "Tôi là [họ tên], ở [địa chỉ] chung cư Mường Thanh, thang máy hỏng.")]
    [InlineData("mình ở phòng 302 nhà B2 ký túc xá đại học bách khoa, nước nóng hỏng", "mình ở [địa chỉ] ký túc xá đại học bách khoa, nước nóng hỏng")]
    [InlineData("Nhà cháu ở xóm 2, thôn Hòa Mỹ, chưa có điện lưới.", "Nhà cháu ở [địa chỉ], thôn Hòa Mỹ, chưa có điện lưới.")]
    [InlineData("Em là Phương, nhà em ở thôn Trung Nghĩa, đường vào thôn bị ngập.", "Em là [họ tên], nhà em ở [địa chỉ], đường vào thôn bị ngập.")]
    [InlineData("Địa chỉ nhà tôi: số 5 ngõ 120 Trường Chinh, quận Đống Đa.", "Địa chỉ nhà tôi: [địa chỉ], quận Đống Đa.")]
    [InlineData("Tôi sống tại số 88/3 Trần Quang Diệu, P.14, Q.3, tối nào cũng ồn.", "Tôi sống tại [địa chỉ], P.14, Q.3, tối nào cũng ồn.")]
    [InlineData("HOM NAY TOI O SO 40 DUONG 2/9 BAO LA NUOC MAY CO MUI LA", "HOM NAY TOI O [địa chỉ] BAO LA NUOC MAY CO MUI LA")]
    public void A_home_stops_at_its_number_block_or_street_and_never_takes_the_next_clause(string text, string expected)
        => Assert.Equal(expected, RulesOnly(text));

    [Theory]
    [InlineData("Nhà số 12 kiệt 5 Hùng Vương bị cháy tối qua.")]
    [InlineData("Căn nhà bỏ hoang số 30 đường Hà Huy Tập là nơi tụ tập nghiện hút.")]
    [InlineData("Đoạn đường từ số 10 đến số 40 Lê Duẩn ngập nặng.")]
    [InlineData("Cột điện trước nhà số 14 Trần Phú bị nghiêng.")]
    [InlineData("Tôi đề nghị xem lại giá thu gom rác, nhà tôi 2 người mà thu như nhà 6 người.")]
    [InlineData("Vũ Thị Mai đã nộp đơn về việc xây nhà sai phép ở số 77 Lạc Long Quân.", "[họ tên] đã nộp đơn về việc xây nhà sai phép ở số 77 Lạc Long Quân.")]
    [InlineData("Quán cà phê của anh Nam ở đầu kiệt 15 Hải Phòng mở nhạc to.", "Quán cà phê của anh [họ tên] ở đầu kiệt 15 Hải Phòng mở nhạc to.")]
    [InlineData("Nhờ phường nhắc ông Hải ở tầng 3 không xả nước ra ban công.", "Nhờ phường nhắc ông [họ tên] ở tầng 3 không xả nước ra ban công.")]
    [InlineData("Tiền nước nhà tôi tăng 2 lần so với tháng trước.")]
    [InlineData("Nhà tôi đối diện quán karaoke số 27 Phan Bội Châu, hát tới khuya.")]
    public void The_problems_location_a_house_that_is_a_place_and_a_business_stay(string text, string? expected = null)
        => Assert.Equal(VietnameseNormalizer.Normalize(expected ?? text), RulesOnly(text));

    [Theory]
    [InlineData("Danh sách hộ nghèo: số 1 Nguyễn Văn An, số 2 Trần Thị Bình.", "Nguyễn Văn An")]
    [InlineData("Hộ số 3 Trần Thị Bình chưa nhận tiền hỗ trợ.", "Trần Thị Bình")]
    public void A_name_after_a_number_in_a_list_is_still_removed(string text, string name)
        => Assert.DoesNotContain(name, RulesOnly(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("Nhà số 12 kiệt 5 Hùng Vương bị cháy tối qua.")]
    [InlineData("Căn nhà bỏ hoang số 30 đường Hà Huy Tập là nơi tụ tập nghiện hút.")]
    [InlineData("Cột điện trước nhà số 14 Trần Phú bị nghiêng.")]
    public void A_house_that_is_a_place_stays_with_the_span_model_too(string text)
        => Assert.Equal(VietnameseNormalizer.Normalize(text), Redact(text));
}
