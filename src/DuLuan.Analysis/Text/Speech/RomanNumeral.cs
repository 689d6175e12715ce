namespace DuLuan.Analysis.Text.Speech;

/// <summary>Roman numerals as used in "quý III", "khóa XV", "lần thứ XIII" (canonical forms 1–399 only).</summary>
public static class RomanNumeral
{
    private static readonly (int Value, string Letters)[] Table =
    [
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>The value of a canonical numeral, or null ("IIII", "VX" and anything else are not numerals).</summary>
    public static int? Parse(string letters)
    {
        if (letters.Length is 0 or > 12)
        {
            return null;
        }

        var total = 0;
        var rest = letters.AsSpan();
        foreach (var (value, symbol) in Table)
        {
            while (rest.StartsWith(symbol, StringComparison.Ordinal))
            {
                total += value;
                rest = rest[symbol.Length..];
            }
        }

        return rest.Length == 0 && total is > 0 and < 400 && Write(total) == letters ? total : null;
    }

    private static string Write(int value)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (v, symbol) in Table)
        {
            while (value >= v)
            {
                sb.Append(symbol);
                value -= v;
            }
        }

        return sb.ToString();
    }
}
