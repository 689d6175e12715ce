using System.Globalization;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// Where the problem is: the address or landmark text and an optional map point. The text is stored as typed (markup
/// dropped, Unicode composed) and is not redacted: a street stretch or a landmark is what the agency needs to find it.
/// </summary>
public sealed record ConcernPlace(string? Location, double? Latitude, double? Longitude)
{
    public const int MaxLocationLength = 300;

    /// <summary>Four decimals, about 11 m: enough to find a street light, no finer than a phone's fix is anyway.</summary>
    public const int CoordinateDecimals = 4;

    public static readonly ConcernPlace None = new(null, null, null);

    /// <summary>The cleaned text: tags dropped, Unicode composed, null when nothing readable is left.</summary>
    public static string? CleanLocation(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        // Only canonical Unicode (NFC): tone marks stay where the resident put them ("Hoà" is not rewritten "Hòa").
        var text = TypedText.StripHtml(typed).Normalize(System.Text.NormalizationForm.FormC).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Parses a coordinate typed or sent by the phone (invariant culture); null when absent, false when not a valid number in range.</summary>
    public static bool TryCoordinate(string? value, double limit, out double? coordinate)
    {
        coordinate = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (value.Length > 32 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed) || Math.Abs(parsed) > limit)
        {
            return false;
        }

        coordinate = Math.Round(parsed, CoordinateDecimals, MidpointRounding.AwayFromZero);
        return true;
    }

    public string? PointText => Latitude is { } lat && Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.0000}, {lon:0.0000}")
        : null;

    /// <summary>A link that opens the point in a map (OpenStreetMap); the page itself loads no map tiles.</summary>
    public string? MapLink => Latitude is { } lat && Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.0000}&mlon={lon:0.0000}#map=18/{lat:0.0000}/{lon:0.0000}")
        : null;
}
