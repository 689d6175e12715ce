using DuLuan.Features.Concerns.Intake;

namespace DuLuan.Tests.PublicSite;

/// <summary>The public case page shows where a problem is at street level: house numbers and numbered lanes dropped.</summary>
public sealed class StreetLevelTests
{
    [Theory]
    [InlineData("Từ số 120 đến số 160 đường Trần Phú, phường Hoà Khánh", "đường Trần Phú, phường Hoà Khánh")]
    [InlineData("Trước nhà số 45 đường Nguyễn Lương Bằng", "Trước đường Nguyễn Lương Bằng")]
    [InlineData("12 Trần Phú, Hải Châu", "Trần Phú, Hải Châu")]
    [InlineData("27/3 Lê Lợi", "Lê Lợi")]
    [InlineData("Kiệt 47 Ông Ích Khiêm, Thanh Khê", "Ông Ích Khiêm, Thanh Khê")]
    [InlineData("K82/4 Hàm Nghi", "Hàm Nghi")]
    [InlineData("số nhà 7, ngõ 5 phố Hàng Bạc, Hoàn Kiếm", "phố Hàng Bạc, Hoàn Kiếm")]
    [InlineData("hẻm 12/3 đường 3 Tháng 2, Quận 10", "đường 3 Tháng 2, Quận 10")]
    [InlineData("Quốc lộ 1A, đoạn qua cầu Nam Ô", "Quốc lộ 1A, đoạn qua cầu Nam Ô")]
    [InlineData("Chợ Hoà Khánh", "Chợ Hoà Khánh")]
    public void Keeps_the_street_and_drops_the_house(string typed, string shown)
        => Assert.Equal(shown, StreetLevel.Of(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("số 12")]
    [InlineData("12/3")]
    public void Nothing_but_a_house_number_shows_nothing(string? typed)
        => Assert.Null(StreetLevel.Of(typed));
}
