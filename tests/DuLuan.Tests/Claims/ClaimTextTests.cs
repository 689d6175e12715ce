using DuLuan.Features.Claims;

namespace DuLuan.Tests.Claims;

public sealed class ClaimTextTests
{
    private const string Claim = "Phường Hòa Khánh sẽ cắt điện toàn bộ trong năm ngày";

    [Theory]
    [InlineData("Tin đồn: phường Hòa Khánh sẽ cắt điện toàn bộ trong năm ngày liên tiếp.")]
    [InlineData("tin don: phuong hoa khanh se cat dien toan bo trong nam ngay")]
    [InlineData("PHƯỜNG HOÀ KHÁNH SẼ CẮT ĐIỆN TOÀN BỘ TRONG NĂM NGÀY")]
    [InlineData("Phuờng Hoà Khánh sẽ cắt điện toàn bộ trong năm ngày")]
    [InlineData("Phường Hòa Khánh sẽ cắt \u0111iện toàn bộ trong năm ngày")]
    public void Rewrites_and_folded_forms_match(string text)
        => Assert.True(ClaimText.Score(ClaimText.Of(Claim), ClaimText.Of(text)) >= ClaimText.Threshold);

    [Theory]
    [InlineData("Phường Hòa Khánh khánh thành nhà văn hóa mới trong năm nay.")]
    [InlineData("Điện lực bảo trì lưới điện, cắt điện bốn giờ ở một tổ dân phố.")]
    [InlineData("")]
    public void Other_news_does_not_match(string text)
        => Assert.True(ClaimText.Score(ClaimText.Of(Claim), ClaimText.Of(text)) < ClaimText.Threshold);

    [Fact]
    public void Very_short_claims_never_match_automatically()
        => Assert.Equal(0, ClaimText.Score(ClaimText.Of("cắt điện"), ClaimText.Of("cắt điện toàn thành phố")));
}
