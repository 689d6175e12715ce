using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <summary>Precomposed Vietnamese vowels as (base vowel, tone) pairs, so tones can be moved without ICU.</summary>
internal static class VietnameseLetters
{
    // Base vowels in a fixed order; index 0..11. Tone 0 = none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot below.
    internal const string BaseVowels = "a\u0103\u00E2e\u00EAio\u00F4\u01A1u\u01B0y";
    internal const int ToneCount = 6;
    private static readonly string[] ToneMarks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

    // Per char below TableSize: 0 = not a Vietnamese letter; else bits 0-3 vowel+1 (0 = consonant), 4-6 tone, 7 upper, 8 letter.
    private const int TableSize = 0x1F00;
    private static readonly ushort[] Info = new ushort[TableSize];
    private static readonly char[] Composed = new char[12 * ToneCount * 2];

    static VietnameseLetters()
    {
        for (var v = 0; v < BaseVowels.Length; v++)
        {
            for (var t = 0; t < ToneCount; t++)
            {
                for (var upper = 0; upper < 2; upper++)
                {
                    var baseChar = upper == 1 ? char.ToUpperInvariant(BaseVowels[v]) : BaseVowels[v];
                    var composed = (baseChar + ToneMarks[t]).Normalize(System.Text.NormalizationForm.FormC)[0];
                    Composed[Index(v, t, upper == 1)] = composed;
                    Info[composed] = (ushort)(0x100 | (v + 1) | (t << 4) | (upper << 7));
                }
            }
        }
        foreach (var c in "bcdghklmnpqrstvxfjwz\u0111")
        {
            Info[c] = 0x100;
            Info[char.ToUpperInvariant(c)] = 0x100 | 0x80;
        }
    }

    private static int Index(int vowel, int tone, bool upper) => ((vowel * ToneCount) + tone) * 2 + (upper ? 1 : 0);

    /// <summary>Raw table entry (see bit layout above); 0 for characters that are not Vietnamese letters.</summary>
    internal static int InfoOf(char c) => c < TableSize ? Info[c] : 0;

    /// <summary>The table itself, for hot loops that hoist it into a local (one static access instead of one per character).</summary>
    internal static ushort[] InfoTable => Info;

    internal static bool IsLetter(char c) => c < TableSize && (Info[c] & 0x100) != 0;

    /// <summary>Vowel index 0..11, or -1 for a consonant or non-letter.</summary>
    internal static int VowelOf(char c) => c < TableSize ? (Info[c] & 0xF) - 1 : -1;

    internal static int ToneOf(char c) => c < TableSize ? (Info[c] >> 4) & 0x7 : 0;

    internal static bool IsUpper(char c) => c < TableSize && (Info[c] & 0x80) != 0;

    internal static char Compose(int vowel, int tone, bool upper) => Composed[Index(vowel, tone, upper)];

    /// <summary>Lower-case toneless form of a Vietnamese letter (keeps circumflex, breve, horn and đ).</summary>
    internal static char Plain(char c)
    {
        var v = VowelOf(c);
        if (v >= 0)
        {
            return BaseVowels[v];
        }

        return c < 128 ? (char)(c | 0x20) : c == '\u0110' ? '\u0111' : c;
    }

    internal static int ToneFromMark(char mark) => mark switch
    {
        '\u0300' => 1,
        '\u0301' => 2,
        '\u0309' => 3,
        '\u0303' => 4,
        '\u0323' => 5,
        _ => 0,
    };

    internal static string Describe(char c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
