using System.Globalization;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Infrastructure.Time;

/// <summary>
/// Numbers, dates and durations as Vietnamese offices write them: "1.204", "93,1%", "05/10/2026 14:30",
/// "ngày 05 tháng 10 năm 2026". Built on an explicit NumberFormatInfo so the result does not depend on the host's
/// ICU data. The English UI uses the same day-first dates; times come in already converted by <see cref="OfficeTime"/>.
/// </summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
        PercentSymbol = "%",
    };

    /// <summary>An integer with dot thousands ("1.204") or a value with up to <paramref name="decimals"/> decimals ("4,5").</summary>
    public static string Number(double value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = rounded == Math.Floor(rounded) ? "#,0" : "#,0." + new string('#', decimals);
        return rounded.ToString(format, Numbers);
    }

    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>A value already in percent (93.1 gives "93,1%").</summary>
    public static string Percent(double value, int decimals = 1) => Number(value, decimals) + "%";

    /// <summary>A share between 0 and 1 as a percent (0.931 gives "93%").</summary>
    public static string Share(double share, int decimals = 0) => Percent(share * 100, decimals);

    /// <summary>
    /// "ngày 05 tháng 10 năm 2026", "ngày 15 tháng 3 năm 2026": Decree 30/2020 (annex I) writes a leading zero before
    /// days below 10 and before months 1 and 2 only.
    /// </summary>
    public static string Date(DateOnly date) =>
        new Message("Format.LongDate", date.Day.ToString("00", CultureInfo.InvariantCulture),
            date.Month.ToString(date.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture)).Vietnamese;

    /// <summary>"05/10/2026".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"05/10/2026 14:30" for a wall-clock time already in the office's zone.</summary>
    public static string DateTime(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"14:30" for a wall-clock time already in the office's zone.</summary>
    public static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day count with one decimal at most: "2,5".</summary>
    public static string Days(TimeSpan duration) => Number(duration.TotalDays);

    /// <summary>A duration in hours with one decimal at most: "1,5".</summary>
    public static string Hours(TimeSpan duration) => Number(duration.TotalHours);
}
