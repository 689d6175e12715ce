using System.Globalization;

namespace DuLuan.Features.Reports;

/// <summary>
/// Numbers and dates as Vietnamese official documents write them: "1.204", "93,1%", "ngày 05 tháng 10 năm 2026".
/// Built on an explicit NumberFormatInfo so the result does not depend on the host's ICU data.
/// </summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>An integer with dot thousands ("1.204") or a value with up to <paramref name="decimals"/> decimals ("4,5").</summary>
    public static string Number(double value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = rounded == Math.Floor(rounded) ? "#,0" : "#,0." + new string('#', decimals);
        return rounded.ToString(format, Numbers);
    }

    public static string Percent(double value) => Number(value) + "%";

    /// <summary>A figure in its unit: count as is, percent with "%", days with "ngày".</summary>
    public static string Value(double value, FigureKind kind) => kind switch
    {
        FigureKind.Percent => Percent(value),
        FigureKind.Days => Number(value) + " ngày",
        _ => Number(value, 0),
    };

    /// <summary>
    /// "ngày 05 tháng 10 năm 2026", "ngày 15 tháng 3 năm 2026": Decree 30/2020 (annex I) writes a leading zero before
    /// days below 10 and before months 1 and 2 only.
    /// </summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    public static string ShortDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{date.Year}");
}
