using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The location of a problem as the public case page shows it: at street level. House numbers ("số 12", "nhà số 7",
/// "12 Trần Phú", "27/3"), numbered lanes and alleys ("kiệt 47", "hẻm 12/3", "ngõ 5", "K82/4") and a stretch given by
/// house numbers ("từ số 120 đến số 160") are dropped; the street, landmark, ward and city stay. The office and the
/// agency always see the text as typed, and the map point never leaves them. The patterns match a folded copy of the
/// text (one letter for one letter, tone marks and đ dropped), so they are written without diacritics.
/// </summary>
public static partial class StreetLevel
{
    public static string? Of(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        var text = location.Normalize(NormalizationForm.FormC);
        text = Drop(text, HouseStretch(), Lane());
        text = Drop(text, LeadingNumber());
        text = Spaces().Replace(text, " ");
        text = LooseEnds().Replace(text, string.Empty).Trim();
        text = EmptyParts().Replace(text, ", ");
        return Letters().IsMatch(text) ? text : null;
    }

    /// <summary>The text without what the patterns find in its folded copy.</summary>
    private static string Drop(string text, params Regex[] patterns)
    {
        var folded = Fold(text);
        var drop = new bool[text.Length];
        foreach (var pattern in patterns)
        {
            foreach (Match m in pattern.Matches(folded))
            {
                var group = m.Groups["drop"];
                var (start, length) = group.Success ? (group.Index, group.Length) : (m.Index, m.Length);
                Array.Fill(drop, true, start, length);
            }
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            kept.Append(drop[i] ? ' ' : text[i]);
        }

        return kept.ToString();
    }

    /// <summary>Lower case without tone marks, one character for each character of <paramref name="text"/> (NFC).</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var decomposed = lower == 'đ' ? "d" : lower.ToString().Normalize(NormalizationForm.FormD);
            folded.Append(decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : lower);
        }

        return folded.ToString();
    }

    private const string HouseNumber = @"\d+[a-z]?(?:[/\-.]\d+[a-z]?)*";

    /// <summary>"(từ) (số nhà|nhà số|số) 120 ((đến|tới|-) (số) 160)".</summary>
    [GeneratedRegex(@"(?:\btu\s+)?\b(?:so\s+nha|nha\s+so|so)\s*" + HouseNumber + @"(?:\s*(?:den|toi|-|–)\s*(?:so\s*)?" + HouseNumber + ")?", RegexOptions.CultureInvariant)]
    private static partial Regex HouseStretch();

    /// <summary>Numbered lanes and alleys (kiệt, hẻm, ngõ, ngách) and the Đà Nẵng "K82/4" form.</summary>
    [GeneratedRegex(@"\b(?:kiet|hem|ngo|ngach)\s*" + HouseNumber + @"|\b[kh]" + HouseNumber + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lane();

    /// <summary>A house number at the start of the text or of a comma part: "12 Trần Phú", "27/3 Lê Lợi".</summary>
    [GeneratedRegex(@"(?:^|[,;(])\s*(?<drop>" + HouseNumber + @")\s+(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Punctuation left at either end once the numbers are gone.</summary>
    [GeneratedRegex(@"^[\s,;:.\-–]+|[\s,;:\-–]+$")]
    private static partial Regex LooseEnds();

    [GeneratedRegex(@"\s*,(?:\s*,)+\s*")]
    private static partial Regex EmptyParts();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}
