using DuLuan.Infrastructure.Reporting;
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
    public static string NationalName => ReportWords.Of("Reports.Doc.NationalName");

    public static string NationalMotto => ReportWords.Of("Reports.Doc.NationalMotto");

    public static string PartyName => ReportWords.Of("Reports.Doc.PartyName");

    public string PlaceAndDate => $"{Place}, {VietnameseFormat.Date(Date)}";

    /// <summary>A heading for <paramref name="unitName"/>, its parent and province names as the tree holds them.</summary>
    public static ReportHeading For(ReportLayout layout, string unitName, string? parentName, string? provinceName, DateOnly date)
    {
        var symbol = Initials(unitName);
        var place = PlaceName(provinceName ?? unitName);
        return layout == ReportLayout.Party
            ? new ReportHeading(layout, parentName is null ? null : ReportWords.Of("Reports.Doc.PartyParent", parentName.ToUpperInvariant()), ReportWords.Of("Reports.Doc.PartyCommittee", unitName.ToUpperInvariant()),
                ReportWords.Of("Reports.Doc.PartyNumber", symbol), place, date,
                [ReportWords.Of("Reports.Doc.PartyRecipientAbove"), ReportWords.Of("Reports.Doc.PartyRecipientFile")], [ReportWords.Of("Reports.Doc.PartySigner"), ReportWords.Of("Reports.Doc.PartySignerTitle")])
            : new ReportHeading(layout, parentName?.ToUpperInvariant(), unitName.ToUpperInvariant(),
                ReportWords.Of("Reports.Doc.StateNumber", symbol), place, date,
                [ReportWords.Of("Reports.Doc.StateRecipientAbove"), ReportWords.Of("Reports.Doc.StateRecipientFile")], [ReportWords.Of("Reports.Doc.StateSigner")]);
    }

    /// <summary>"Thành phố Đà Nẵng" -> "Đà Nẵng", "Tỉnh Quảng Trị" -> "Quảng Trị".</summary>
    public static string PlaceName(string name)
    {
        foreach (var prefix in ReportWords.Of("Reports.Doc.PlacePrefixes").Split('|').Select(p => p + " "))
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
