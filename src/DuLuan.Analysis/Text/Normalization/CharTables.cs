using System.Globalization;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// One 64K-entry class table shared by normalise and fold, so both treat invisible characters,
/// odd spaces, quotes and dashes identically (which is what makes fold(normalise(x)) == fold(x) hold).
/// </summary>
internal static class CharTables
{
    internal const byte Keep = 0;
    internal const byte NeedsNfc = 1;
    internal const byte Mark = 2;
    internal const byte Drop = 3;
    internal const byte Map = 4;
    internal const byte HighSurrogate = 5;
    internal const byte LowSurrogate = 6;

    /// <summary>Longest run of non-spacing marks kept; longer floods are cut (cf. UAX #15 stream-safe format).</summary>
    internal const int MaxMarkRun = 30;

    internal static readonly byte[] Class = new byte[65536];
    internal static readonly char[] Mapped = new char[65536];

    static CharTables()
    {
        for (var c = 0; c < 65536; c++)
        {
            var ch = (char)c;
            Class[c] = Classify(ch);
        }
        for (var c = 0; c < 32; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                Class[c] = Drop;
            }
        }
        for (var c = 0x7F; c < 0xA0; c++)
        {
            Class[c] = Drop;
        }

        foreach (var c in "\u00AD\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF")
        {
            Class[c] = Drop;
        }
        SetMap("\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000", ' ');
        SetMap("\u2028\u2029", '\n');
        SetMap("\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E\uFF02", '"');
        SetMap("\u2018\u2019\u201A\u201B\u2032\u2039\u203A\uFF07", '\'');
        SetMap("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D", '-');
        SetMap("\u00D0", '\u0110');
        SetMap("\uFFFE\uFFFF", '\uFFFD');
    }

    private static void SetMap(string chars, char to)
    {
        foreach (var c in chars)
        {
            Class[c] = Map;
            Mapped[c] = to;
        }
    }

    private static byte Classify(char ch)
    {
        if (char.IsHighSurrogate(ch))
        {
            return HighSurrogate;
        }

        if (char.IsLowSurrogate(ch))
        {
            return LowSurrogate;
        }

        if (ch < 0x300)
        {
            return Keep;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(ch);
        if (category == UnicodeCategory.NonSpacingMark)
        {
            return Mark;
        }

        if (category is UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return NeedsNfc;
        }

        if (ch is >= '\u1100' and <= '\u11FF')
        {
            return NeedsNfc;
        }

        return NfcChanges(ch);
    }

    private static byte NfcChanges(char ch)
    {
        try
        {
            var s = ch.ToString();
            return string.Equals(s.Normalize(NormalizationForm.FormC), s, StringComparison.Ordinal) ? Keep : NeedsNfc;
        }
        catch (ArgumentException)
        {
            return NeedsNfc;
        }
    }

    /// <summary>Supplementary characters that never change under NFC (emoji and symbol planes).</summary>
    internal static bool IsStableSupplementary(char high, char low)
    {
        var cp = char.ConvertToUtf32(high, low);
        return cp is >= 0x1F000 and <= 0x1FAFF;
    }
}
