using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuLuan.Analysis.Text.Speech;

/// <summary>
/// Writes Vietnamese text the way an announcer reads it, so a speech engine never guesses: numbers, decimals, dates,
/// times, ranges, percentages, units and money, phone numbers digit by digit, Roman numerals after "quý"/"khóa"/"lần
/// thứ", ordinals, document numbers and the abbreviations of public administration. Each pass turns digits or
/// abbreviations into words, so a later pass never sees what an earlier one wrote. Pure and deterministic.
/// </summary>
public static partial class SpeechNormalizer
{
    /// <summary>Longer runs of digits are not a quantity anyone reads as a number: they are read digit by digit.</summary>
    private const int MaxNumberDigits = 15;

    private const string Number = @"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?";

    private static readonly Regex AbbreviationWord = BuildAbbreviationWord();
    private static readonly Regex UnitAfterNumber = BuildUnitAfterNumber();
    private static readonly Dictionary<string, string> UnitWords = SpeechAbbreviations.Units.ToDictionary(u => u.Written, u => u.Spoken, StringComparer.Ordinal);

    /// <summary>The spoken form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Nfc.Of(text).Replace('\u00A0', ' ');
        s = HoChiMinhCity().Replace(s, "Thành phố Hồ Chí Minh");
        s = PlacePrefix().Replace(s, m => SpeechAbbreviations.PlacePrefixes[m.Groups["p"].Value] + " ");
        s = PhoneAfterKeyword().Replace(s, m => m.Groups["kw"].Value + Phone(m.Groups["num"].Value));
        s = PhoneByShape().Replace(s, m => IsPhone(m.Value) ? Phone(m.Value) : m.Value);
        s = QuarterYear().Replace(s, m => RomanNumeral.Parse(m.Groups["q"].Value) is { } q || int.TryParse(m.Groups["q"].Value, CultureInfo.InvariantCulture, out q)
            ? m.Groups["w"].Value + " " + VietnameseNumbers.Whole(q) + " năm " + VietnameseNumbers.Whole(m.Groups["y"].Value)
            : m.Value);
        s = FullDate().Replace(s, FullDateText);
        s = MonthYear().Replace(s, m => ValidMonth(m.Groups["m"].Value) is { } month
            ? "tháng " + VietnameseNumbers.Month(month) + " năm " + VietnameseNumbers.Whole(m.Groups["y"].Value)
            : m.Value);
        s = DayMonth().Replace(s, DayMonthText);
        s = Range().Replace(s, m => m.Groups["a"].Value + " đến " + m.Groups["b"].Value);
        s = Clock().Replace(s, ClockText);
        s = HourOnly().Replace(s, m => int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) <= 24
            ? VietnameseNumbers.Whole(m.Groups["h"].Value) + " giờ"
            : m.Value);
        s = RomanAfterContext().Replace(s, RomanText);
        s = OrdinalAfterThu().Replace(s, m => m.Groups["w"].Value + " " + VietnameseNumbers.Ordinal(m.Groups["n"].Value));
        s = MonthWord().Replace(s, m => ValidMonth(m.Groups["m"].Value) is { } month ? m.Groups["w"].Value + " " + VietnameseNumbers.Month(month) : m.Value);
        s = DocumentNumber().Replace(s, m => ReadNumber(m.Groups["n"].Value) + " " + m.Groups["code"].Value.Replace('-', ' '));
        s = Fraction().Replace(s, m => ReadNumber(m.Groups["a"].Value) + " trên " + ReadNumber(m.Groups["b"].Value));
        s = PerUnit().Replace(s, m => " trên " + (UnitWords.TryGetValue(m.Groups["u"].Value, out var spoken) ? spoken : m.Groups["u"].Value));
        s = UnitAfterNumber.Replace(s, m => ReadNumber(m.Groups["n"].Value) + " " + UnitWords[m.Groups["u"].Value]);
        s = PlainNumber().Replace(s, m => ReadNumber(m.Value));
        s = AbbreviationWord.Replace(s, m => SpeechAbbreviations.Words[m.Value]);
        s = s.Replace("&", " và ", StringComparison.Ordinal);
        s = Spaces().Replace(s, " ");
        s = SpaceBeforePunctuation().Replace(s, "$1");
        return SentenceStart().Replace(s.Trim(), m => m.Value.ToUpperInvariant());
    }

    /// <summary>A number as written in Vietnamese ("1.500.000", "4,5", "120").</summary>
    public static string ReadNumber(string written)
    {
        var parts = written.Replace(".", string.Empty, StringComparison.Ordinal).Split(',');
        if (parts[0].Length > MaxNumberDigits)
        {
            return VietnameseNumbers.DigitByDigit(written);
        }

        return parts.Length == 2 && parts[1].Length > 0 && parts[1].Length <= MaxNumberDigits
            ? VietnameseNumbers.WithFraction(parts[0], parts[1])
            : VietnameseNumbers.Whole(parts[0]);
    }

    /// <summary>A phone number digit by digit, a pause (comma) between its groups as written, or 4-3-3 when written in one run.</summary>
    public static string Phone(string written)
    {
        var groups = PhoneSeparator().Split(written).Where(g => g.Length > 0).ToList();
        if (groups.Count == 1)
        {
            var d = groups[0];
            groups = d.Length switch
            {
                8 => [d[..4], d[4..]],
                10 => [d[..4], d[4..7], d[7..]],
                11 => [d[..4], d[4..7], d[7..]],
                _ => groups,
            };
        }

        return string.Join(", ", groups.Select(VietnameseNumbers.DigitByDigit));
    }

    private static bool IsPhone(string written)
    {
        var digits = written.Count(char.IsAsciiDigit);
        return digits is >= 9 and <= 11;
    }

    private static int? ValidMonth(string digits)
        => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : null;

    private static bool ValidDay(string digits)
        => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31;

    private static string FullDateText(Match m)
    {
        if (!ValidDay(m.Groups["d"].Value) || ValidMonth(m.Groups["m"].Value) is not { } month)
        {
            return m.Value;
        }

        var prefix = m.Groups["pre"].Success ? m.Groups["pre"].Value : "ngày ";
        return prefix + VietnameseNumbers.Whole(m.Groups["d"].Value) + " tháng " + VietnameseNumbers.Month(month)
            + " năm " + VietnameseNumbers.Whole(m.Groups["y"].Value);
    }

    private static string DayMonthText(Match m)
    {
        if (!ValidDay(m.Groups["d"].Value) || ValidMonth(m.Groups["m"].Value) is not { } month)
        {
            return m.Value;
        }

        var prefix = m.Groups["pre"].Success ? m.Groups["pre"].Value : "ngày ";
        return prefix + VietnameseNumbers.Whole(m.Groups["d"].Value) + " tháng " + VietnameseNumbers.Month(month);
    }

    private static string ClockText(Match m)
    {
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hour > 24 || minute > 59)
        {
            return m.Value;
        }

        var text = VietnameseNumbers.Whole(hour) + " giờ";
        return minute == 0 ? text : text + " " + VietnameseNumbers.Whole(minute) + " phút";
    }

    private static string RomanText(Match m)
    {
        var value = RomanNumeral.Parse(m.Groups["r"].Value);
        if (value is null)
        {
            return m.Value;
        }

        var word = m.Groups["w"].Value;
        var digits = value.Value.ToString(CultureInfo.InvariantCulture);
        var spoken = word.EndsWith("thứ", StringComparison.OrdinalIgnoreCase) ? VietnameseNumbers.Ordinal(digits) : VietnameseNumbers.Whole(digits);
        return word + " " + spoken;
    }

    private static Regex BuildAbbreviationWord()
    {
        var keys = SpeechAbbreviations.Words.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
        return new Regex(@"(?<![\p{L}\p{M}\d&-])(?:" + string.Join('|', keys) + @")(?![\p{L}\p{M}\d&])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    private static Regex BuildUnitAfterNumber()
    {
        var units = SpeechAbbreviations.Units.Select(u => Regex.Escape(u.Written));
        return new Regex(@"(?<![\d.,])(?<n>" + Number + @")\s?(?<u>" + string.Join('|', units) + @")(?![\p{L}\p{M}\d])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    [GeneratedRegex(@"\bTP\.?\s?HCM\b|\bTP\.\s?Hồ Chí Minh\b", RegexOptions.CultureInvariant)]
    private static partial Regex HoChiMinhCity();

    [GeneratedRegex(@"(?<![\p{L}\p{M}\d])(?<p>TP|TX|TT|P|Q|X|H)\.\s?(?=[\p{Lu}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePrefix();

    [GeneratedRegex(@"(?<kw>(?:[Ss]ố điện thoại|[Đđ]iện thoại|SĐT|ĐT|[Hh]otline|[Đđ]ường dây nóng|[Gg]ọi|[Tt]ổng đài|[Ff]ax)(?::\s?|\s)(?:số\s)?)(?<num>\(?\d[\d .\-)]{0,16}\d|\d)(?![\d,])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneAfterKeyword();

    [GeneratedRegex(@"(?<![\d.,])(?:\(0\d{2,3}\)\s?|0)\d[\d .\-]{6,14}\d(?![\d]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneByShape();

    [GeneratedRegex(@"[ .\-()]+", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneSeparator();

    [GeneratedRegex(@"(?<pre>[Nn]gày\s)?(?<![\d/])(?<d>\d{1,2})[/\-.](?<m>\d{1,2})[/\-.](?<y>\d{4})(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?:[Tt]háng\s)?(?<![\d/.,])(?<m>\d{1,2})/(?<y>\d{4})(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<pre>[Nn]gày\s)?(?<![\d/.,])(?<d>\d{1,2})/(?<m>\d{1,2})(?![\d/]|,\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\d.,:])(?<h>\d{1,2})\s?(?:[:hg]|giờ\s)(?<m>\d{2})(?:\s?phút|'|p(?![\p{L}]))?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<![\d.,:])(?<h>\d{1,2})h(?![\p{L}\p{M}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex HourOnly();

    [GeneratedRegex(@"(?<![\d.,/])(?<a>" + Number + @"(?:[:hg]\d{2}|h|%)?)\s?[-–]\s?(?<b>" + Number + @")(?![\d/]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<w>[Qq]uý)\s(?<q>[1-4]|I{1,3}|IV)/(?<y>\d{4})(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterYear();

    [GeneratedRegex(@"(?<w>(?:[Qq]uý|[Kk]hóa|[Kk]hoá|[Ll]ần thứ|[Kk]ỳ họp thứ|[Đđ]ại hội|[Tt]hế kỷ|[Pp]hần|[Cc]hương|[Mm]ục|[Gg]iai đoạn|[Hh]ạng|[Cc]ấp độ))\s(?<r>[IVXLC]+)(?![\p{L}\p{M}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex RomanAfterContext();

    [GeneratedRegex(@"(?<w>[Tt]hứ)\s(?<n>\d{1,2})(?![\d/]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalAfterThu();

    [GeneratedRegex(@"(?<w>[Tt]háng)\s(?<m>\d{1,2})(?![\d/]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MonthWord();

    [GeneratedRegex(@"(?<n>\d+)/(?<code>[\p{Lu}Đ&]{1,10}(?:-[\p{Lu}Đ&]{1,10})*)(?![\p{L}\p{M}])", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?<![\d])" + Number + @"(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"(?<![\d.,/])(?<a>\d+)/(?<b>\d+)(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"(?<=\p{L})/(?<u>ha|km²|km2|km|m²|m2|m³|m3|kg|người|hộ|ngày|tháng|năm|giờ)(?![\p{L}\p{M}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PerUnit();

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@" ([,.;:!?)])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s))\p{Ll}", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SentenceStart();
}
