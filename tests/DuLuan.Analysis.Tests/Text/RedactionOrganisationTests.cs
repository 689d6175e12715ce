using DuLuan.Analysis.Text;
using static DuLuan.Analysis.Tests.Text.RedactedText;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// A company, club or cooperative is named like a person ("Công ty Hoàng Anh Gia Lai"); the organisation is what a concern
/// is about and what a watch topic may follow, so its name is kept, while the people in the same line are still removed.
/// </summary>
public class RedactionOrganisationTests
{
    [Theory]
    [InlineData("Công ty Hoàng Anh Gia Lai xả thải ra sông.")]
    [InlineData("CLB Hoàng Anh Gia Lai thắng trận tối qua.")]
    [InlineData("Doanh nghiệp Trần Anh chưa trả lương công nhân.")]
    [InlineData("Hợp tác xã Minh Phát thu mua lúa thấp.")]
    [InlineData("cty Minh Phat xa thai ra kenh")]
    [InlineData("Nhà máy Hòa Phát gây bụi.")]
    public void An_organisations_name_is_kept(string text)
    {
        Assert.Equal(text, RulesOnly(text));
        Assert.Equal(text, PersonalDataRedactor.Redact(text).Text);
    }

    [Fact]
    public void The_people_beside_an_organisation_are_still_removed()
    {
        const string text = "Công ty Hoàng Anh Gia Lai xả thải, ông Nguyễn Văn Bình ở tổ 5 gọi 0905123456 báo.";
        var redacted = PersonalDataRedactor.Redact(text).Text;
        Assert.StartsWith("Công ty Hoàng Anh Gia Lai xả thải, ông [họ tên]", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("0905123456", redacted, StringComparison.Ordinal);
    }
}
