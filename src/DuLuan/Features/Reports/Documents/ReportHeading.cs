using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports.Documents;

/// <summary>The two built-in layouts: state administrative documents (Decree 30/2020/NĐ-CP) and Party documents (Guide 36-HD/VPTW).</summary>
public enum ReportLayout
{
    State,
    Party,

    /// <summary>An office's own uploaded DOCX with placeholders.</summary>
    Template,
}

/// <summary>
/// What stands around the text of a report: the issuing body (and the body above it), the number and symbol,
/// place and date, the recipients and the signature block.
/// </summary>
public sealed record ReportHeading(
    ReportLayout Layout,
    string? ParentBody,
    string IssuingBody,
    string Number,
    string Place,
    DateOnly Date,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> SignerTitle)
{
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string NationalMotto = "Độc lập - Tự do - Hạnh phúc";
    public const string PartyName = "ĐẢNG CỘNG SẢN VIỆT NAM";

    public string PlaceAndDate => $"{Place}, {VietnameseFormat.Date(Date)}";

    /// <summary>A heading for <paramref name="unitName"/>, its parent and province names as the tree holds them.</summary>
    public static ReportHeading For(ReportLayout layout, string unitName, string? parentName, string? provinceName, DateOnly date)
    {
        var symbol = Initials(unitName);
        var place = PlaceName(provinceName ?? unitName);
        return layout == ReportLayout.Party
            ? new ReportHeading(layout, parentName is null ? null : "ĐẢNG BỘ " + parentName.ToUpperInvariant(), "ĐẢNG ỦY " + unitName.ToUpperInvariant(),
                $"Số      -BC/ĐU{symbol}", place, date,
                ["Như trên,", "Lưu Văn phòng."], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"])
            : new ReportHeading(layout, parentName?.ToUpperInvariant(), unitName.ToUpperInvariant(),
                $"Số:       /BC-{symbol}", place, date,
                ["Như trên;", "Lưu: VT."], ["THỦ TRƯỞNG CƠ QUAN"]);
    }

    /// <summary>"Thành phố Đà Nẵng" -> "Đà Nẵng", "Tỉnh Quảng Trị" -> "Quảng Trị".</summary>
    public static string PlaceName(string name)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    /// <summary>Letters of the symbol: the first letter of each word, diacritics removed ("Phường Hoà Khánh" -> "PHK").</summary>
    public static string Initials(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => DuLuan.Analysis.Text.VietnameseFold.Fold(w[..1]).ToUpperInvariant())
            .Where(c => c.Length == 1 && char.IsAsciiLetter(c[0]));
        return string.Concat(letters);
    }
}
