using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// Identifiers beyond phones and citizen ids: e-mail addresses spelled out, links to a person's own profile, passports,
/// driving licences and a person's tax code; an enterprise's tax code is public and stays. The staff scope removes them too.
/// </summary>
public class RedactionIdentifierTests
{
    private static string Redact(string text, RedactionScope scope = RedactionScope.Public)
        => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(text), scope).Text;

    [Theory]
    [InlineData("mail: nguyenvanan [at] yahoo [dot] com hoặc an.nguyen(at)gmail.com", "mail: [email] hoặc [email]")]
    [InlineData("email em là hoa.le a còng gmail chấm com nha", "email em là [email] nha")]
    [InlineData("EMAIL: TRAN.BINH (AT) GMAIL.COM", "EMAIL: [email]")]
    [InlineData("fb nó: https://www.facebook.com/profile.php?id=100012345678901 ai biết thì báo", "fb nó: [liên kết cá nhân] ai biết thì báo")]
    [InlineData("zalo.me/0905123456 là zalo của chị", "[liên kết cá nhân] là zalo của chị")]
    [InlineData("số hộ chiếu: B9876543, cấp tại Đà Nẵng", "số hộ chiếu: [số giấy tờ], cấp tại Đà Nẵng")]
    [InlineData("Hộ chiếu số C1234567 hết hạn tháng sau", "Hộ chiếu số [số giấy tờ] hết hạn tháng sau")]
    [InlineData("mã số thuế cá nhân 8012345678", "mã số thuế cá nhân [số giấy tờ]")]
    [InlineData("MST của tôi là 8012345678", "MST của tôi là [số giấy tờ]")]
    [InlineData("GPLX số 790123456789 hạng B2", "GPLX số [số giấy tờ] hạng B2")]
    public void Identifiers_are_removed(string text, string expected)
    {
        Assert.Equal(expected, Redact(text));
        Assert.Equal(expected, Redact(text, RedactionScope.Identifiers));
    }

    [Theory]
    [InlineData("Công ty TNHH An Phát, MST 0401234567, xin gia hạn giấy phép")]
    [InlineData("mã số doanh nghiệp 0312345678 đã được cấp")]
    [InlineData("fanpage chính thức: facebook.com/ubndphuonghoakhanh")]
    [InlineData("Hẹn gặp at 9h at nhà văn hóa")]
    [InlineData("Cuộc họp lúc 9h30 tại hội trường A, phòng 203")]
    public void Public_codes_and_ordinary_words_stay(string text)
        => Assert.Equal(text, Redact(text));
}
