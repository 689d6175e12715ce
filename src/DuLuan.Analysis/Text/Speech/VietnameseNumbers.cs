using System.Globalization;
using System.Text;

namespace DuLuan.Analysis.Text.Speech;

/// <summary>
/// Numbers as a Vietnamese announcer reads them: "mười lăm", "hai mươi mốt", "hai mươi tư", "một trăm linh năm",
/// "một nghìn không trăm hai mươi", "một triệu năm trăm nghìn". Rules: after "mươi" 1 is "mốt" and 4 is "tư"; after
/// "mười"/"mươi" 5 is "lăm"; a zero ten inside a hundred is "linh"; an inner group keeps its "không trăm".
/// </summary>
public static class VietnameseNumbers
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", "nghìn", "triệu", "tỷ"];

    /// <summary>One digit's word.</summary>
    public static string Digit(char digit) => Digits[digit - '0'];

    /// <summary>Each digit read alone ("0905" → "không chín không năm").</summary>
    public static string DigitByDigit(string digits)
        => string.Join(' ', digits.Where(char.IsAsciiDigit).Select(Digit));

    /// <summary>A whole number of any size (digits only; leading zeros ignored).</summary>
    public static string Whole(string digits)
    {
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return Digits[0];
        }

        // Above 999 tỷ the reading repeats: "nghìn tỷ", "triệu tỷ".
        if (trimmed.Length > 12)
        {
            var high = trimmed[..^9];
            var low = trimmed[^9..];
            var lowText = low.TrimStart('0').Length == 0 ? string.Empty : " " + Groups(low, leading: false);
            return Whole(high) + " tỷ" + lowText;
        }

        return Groups(trimmed, leading: true);
    }

    /// <summary>A whole number.</summary>
    public static string Whole(long value)
        => value < 0 ? "âm " + Whole((-value).ToString(CultureInfo.InvariantCulture)) : Whole(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A decimal with a comma ("4,5" → "bốn phẩy năm"; "3,05" → "ba phẩy không năm": leading zeros of the fraction are
    /// read one by one, the rest as a number).
    /// </summary>
    public static string WithFraction(string whole, string fraction)
    {
        var sb = new StringBuilder(Whole(whole)).Append(" phẩy");
        var zeros = fraction.Length - fraction.TrimStart('0').Length;
        for (var i = 0; i < zeros; i++)
        {
            sb.Append(' ').Append(Digits[0]);
        }

        if (zeros < fraction.Length)
        {
            sb.Append(' ').Append(Whole(fraction[zeros..]));
        }

        return sb.ToString();
    }

    /// <summary>An ordinal after "thứ": 1 → "nhất", 4 → "tư", otherwise the number.</summary>
    public static string Ordinal(string digits) => digits.TrimStart('0') switch
    {
        "1" => "nhất",
        "4" => "tư",
        _ => Whole(digits),
    };

    /// <summary>A month's name after "tháng": 4 is "tư", the rest are numbers.</summary>
    public static string Month(int month) => month == 4 ? "tư" : Whole(month);

    private static string Groups(string digits, bool leading)
    {
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3)
        {
            groups.Insert(0, digits[Math.Max(0, end - 3)..end]);
        }

        var words = new List<string>();
        for (var i = 0; i < groups.Count; i++)
        {
            var value = int.Parse(groups[i], CultureInfo.InvariantCulture);
            var scale = groups.Count - 1 - i;
            if (value == 0)
            {
                continue;
            }

            words.Add(Group(value, full: !(leading && i == 0)));
            if (scale > 0)
            {
                words.Add(Scales[scale]);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>A group of three digits; <paramref name="full"/> reads "không trăm" and "linh" as an inner group does.</summary>
    private static string Group(int value, bool full)
    {
        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var units = value % 10;
        var words = new List<string>();
        var hasHundreds = hundreds > 0 || full;
        if (hasHundreds)
        {
            words.Add(Digits[hundreds]);
            words.Add("trăm");
        }

        if (tens == 0)
        {
            if (units > 0)
            {
                if (hasHundreds)
                {
                    words.Add("linh");
                }

                words.Add(Digits[units]);
            }

            return string.Join(' ', words);
        }

        if (tens == 1)
        {
            words.Add("mười");
            if (units > 0)
            {
                words.Add(units == 5 ? "lăm" : Digits[units]);
            }

            return string.Join(' ', words);
        }

        words.Add(Digits[tens]);
        words.Add("mươi");
        if (units > 0)
        {
            words.Add(units switch { 1 => "mốt", 4 => "tư", 5 => "lăm", _ => Digits[units] });
        }

        return string.Join(' ', words);
    }
}
