using System.Text.RegularExpressions;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The location of a problem as the public case page shows it: at street level. House numbers ("số 12", "nhà số 7",
/// "12 Trần Phú", "27/3"), numbered lanes and alleys ("kiệt 47", "hẻm 12/3", "ngõ 5", "K82/4") and a stretch given by
/// house numbers ("từ số 120 đến số 160") are dropped; the street, landmark, ward and city stay. The office and the
/// agency always see the text as typed, and the map point never leaves them.
/// </summary>
public static partial class StreetLevel
{
    public static string? Of(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        var text = HouseStretch().Replace(location, " ");
        text = Lane().Replace(text, " ");
        text = LeadingNumber().Replace(text, "$1");
        text = Spaces().Replace(text, " ");
        text = LooseEnds().Replace(text, string.Empty).Trim();
        text = EmptyParts().Replace(text, ", ");
        return Letters().IsMatch(text) ? text : null;
    }

    private const string HouseNumber = @"\d+[\p{L}]?(?:[/\-.]\d+[\p{L}]?)*";

    /// <summary>"(từ) (số nhà|nhà số|số) 120 ((đến|tới|-) (số) 160)".</summary>
    [GeneratedRegex(@"(?:\b(?:từ|tu)\s+)?\b(?:số\s+nhà|nhà\s+số|số|so\s+nha|nha\s+so|so)\s*" + HouseNumber + @"(?:\s*(?:đến|tới|den|toi|-|–)\s*(?:số\s*|so\s*)?" + HouseNumber + ")?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HouseStretch();

    /// <summary>Numbered lanes, alleys and the Đà Nẵng "K82/4" form.</summary>
    [GeneratedRegex(@"\b(?:kiệt|hẻm|ngõ|ngách|kiet|hem|ngo|ngach)\s*" + HouseNumber + @"|\b[KH]" + HouseNumber + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lane();

    /// <summary>A house number at the start of the text or of a comma part: "12 Trần Phú", "27/3 Lê Lợi".</summary>
    [GeneratedRegex(@"(^|[,;(]\s*)" + HouseNumber + @"\s+(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Punctuation or a bare "đến" left at either end once the numbers are gone.</summary>
    [GeneratedRegex(@"^[\s,;:.\-–]+|[\s,;:\-–]+$")]
    private static partial Regex LooseEnds();

    [GeneratedRegex(@"\s*,(?:\s*,)+\s*")]
    private static partial Regex EmptyParts();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}
