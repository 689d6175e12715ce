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

    [Fact]
    public void The_pair_index_finds_exactly_what_scoring_every_claim_finds()
    {
        var words = "cắt điện nước phường xã học sinh nghỉ bão giá xăng tăng tin đồn không có kế hoạch".Split(' ');
        var random = new Random(11);
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        var claims = Enumerable.Range(0, 300).Select(_ => ClaimText.Of(Sentence(random.Next(2, 9)))).ToList();
        var index = new ClaimShapeIndex();
        for (var i = 0; i < claims.Count; i++)
        {
            index.Add(i, claims[i]);
        }

        var found = 0;
        for (var t = 0; t < 200; t++)
        {
            var text = ClaimText.Of(Sentence(random.Next(5, 40)));
            var expected = Enumerable.Range(0, claims.Count)
                .Select(i => (Id: (long)i, Score: ClaimText.Score(claims[i], text)))
                .Where(x => x.Score >= ClaimText.Threshold)
                .ToDictionary(x => x.Id, x => x.Score);
            Assert.Equal(expected.OrderBy(x => x.Key), index.Match(text).OrderBy(x => x.Key));
            found += expected.Count;
        }

        Assert.True(found > 0, "the generated texts should match some claims, or the comparison proves nothing");
    }
}
