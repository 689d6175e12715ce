using System.Globalization;
using System.Text.RegularExpressions;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Reads the dates feeds really send: RFC 822/1123 (named zones, no seconds, no or wrong weekday),
/// RFC 3339 / ISO 8601, and Vietnamese site forms ("22/11/2026 08:30", "Thứ bảy, 21/11/2026 - 14:05").
/// A time without a zone is taken as Vietnam time (UTC+7) with a warning. Never throws.
/// </summary>
public static partial class FeedDateParser
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private const int MinYear = 1970;
    private const int MaxYear = 2100;

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? raw, FeedWarnings warnings)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (raw.Length > 200)
        {
            warnings.Add(new Message("Monitoring.Warn.DateTooLong"));
            return null;
        }
        var s = TrailingComment().Replace(Whitespace().Replace(raw.Trim(), " "), "");
        var result = TryIso(s, out var noZone) ?? TryRfc822(s, out noZone) ?? TryVietnamese(s, out noZone);
        if (result is null)
        {
            warnings.Add(new Message("Monitoring.Warn.DateUnreadable", Clip(s)));
            return null;
        }
        if (result.Value.Year is < MinYear or > MaxYear)
        {
            warnings.Add(new Message("Monitoring.Warn.DateOutOfRange", Clip(s)));
            return null;
        }
        if (noZone)
        {
            warnings.Add(new Message("Monitoring.Warn.NoZone"));
        }
        return result;
    }

    private static DateTimeOffset? TryIso(string s, out bool noZone)
    {
        noZone = false;
        var m = Iso().Match(s);
        if (!m.Success)
        {
            return null;
        }
        var fraction = m.Groups["f"].Success ? "0." + m.Groups["f"].Value : "0";
        var hasTime = m.Groups["h"].Success;
        var offset = ParseOffset(m.Groups["z"].Value, out var known);
        noZone = hasTime && !known;
        if (!hasTime && !known)
        {
            offset = VietnamOffset;
        }
        return Build(Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"),
            double.Parse(fraction, CultureInfo.InvariantCulture), offset);
    }

    private static DateTimeOffset? TryRfc822(string s, out bool noZone)
    {
        noZone = false;
        var m = Rfc822().Match(s);
        if (!m.Success)
        {
            return null;
        }
        var monthName = m.Groups["mo"].Value.ToLowerInvariant();
        var month = Array.FindIndex(Months, x => monthName.StartsWith(x, StringComparison.Ordinal)) + 1;
        if (month == 0)
        {
            return null;
        }
        var year = Int(m, "y");
        if (m.Groups["y"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        var offset = ParseOffset(m.Groups["z"].Value, out var known);
        noZone = !known;
        return Build(year, month, Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), 0, offset);
    }

    private static DateTimeOffset? TryVietnamese(string s, out bool noZone)
    {
        noZone = false;
        var d = VnDate().Match(s);
        if (!d.Success)
        {
            return null;
        }
        var t = VnTime().Match(s);
        var zone = VnZone().Match(s);
        TimeSpan offset = VietnamOffset;
        if (zone.Success)
        {
            var hours = int.Parse(zone.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = zone.Groups["m"].Success ? int.Parse(zone.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var sign = zone.Groups["s"].Value == "-" ? -1 : 1;
            offset = new TimeSpan(sign * hours, sign * minutes, 0);
        }
        noZone = !zone.Success;
        return Build(Int(d, "y"), Int(d, "mo"), Int(d, "d"),
            t.Success ? Int(t, "h") : 0, t.Success ? Int(t, "mi") : 0, t.Success ? Int(t, "s") : 0, 0, offset);
    }

    private static DateTimeOffset? Build(int y, int mo, int d, int h, int mi, int sec, double fraction, TimeSpan offset)
    {
        if (y is < 1 or > 9999 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)
            || h > 24 || mi > 59 || sec > 60 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }
        try
        {
            var extraDay = h == 24;
            var dto = new DateTimeOffset(y, mo, d, extraDay ? 0 : h, mi, Math.Min(sec, 59), offset);
            return (extraDay ? dto.AddDays(1) : dto).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan ParseOffset(string z, out bool known)
    {
        known = true;
        switch (z.ToUpperInvariant())
        {
            case "Z" or "UT" or "UTC" or "GMT":
                return TimeSpan.Zero;
            case "ICT" or "ICT7" or "GMT+7" or "UTC+7":
                return VietnamOffset;
            case "EST": return TimeSpan.FromHours(-5);
            case "EDT": return TimeSpan.FromHours(-4);
            case "CST": return TimeSpan.FromHours(-6);
            case "CDT": return TimeSpan.FromHours(-5);
            case "MST": return TimeSpan.FromHours(-7);
            case "MDT": return TimeSpan.FromHours(-6);
            case "PST": return TimeSpan.FromHours(-8);
            case "PDT": return TimeSpan.FromHours(-7);
            case "CET": return TimeSpan.FromHours(1);
            case "JST": return TimeSpan.FromHours(9);
        }
        if (z.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || z.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            z = z[3..];
        }
        var m = NumericZone().Match(z);
        if (m.Success)
        {
            var sign = m.Groups["s"].Value == "-" ? -1 : 1;
            return new TimeSpan(sign * Int(m, "h"), sign * Int(m, "m"), 0);
        }
        known = false;
        return VietnamOffset;
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success && m.Groups[group].Value.Length > 0
            ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture)
            : 0;

    private static string Clip(string s) => s.Length > 60 ? s[..60] : s;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@" ?\([A-Za-z +:0-9]{1,20}\)$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<mo>\d{1,2})[-/.](?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)? ?(?<z>Z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9}\.?,? ?)?(?<d>\d{1,2})[ -](?<mo>[A-Za-z]{3,9})\.?[ -](?<y>\d{4}|\d{2})(?:,? (?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)? ?(?<z>(?:GMT|UTC)?[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}(?:[+-]\d{1,2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?<s>[+-])(?<h>\d{2}):?(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[/.-](?<mo>\d{1,2})[/.-](?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex VnDate();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})[:h](?<mi>\d{2})(?::(?<s>\d{2}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex VnTime();

    [GeneratedRegex(@"(?:GMT|UTC) ?(?<s>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VnZone();
}
