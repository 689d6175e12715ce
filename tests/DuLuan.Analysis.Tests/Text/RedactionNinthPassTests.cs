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
}
