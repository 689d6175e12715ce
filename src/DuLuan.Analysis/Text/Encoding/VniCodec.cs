using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// VNI-Windows: a base letter followed by a Latin-1 byte carrying the modifier and/or tone
/// ("a" + "ù" = á, "a" + "á" = ấ); ơ, ư, đ and the i / ỵ forms are single bytes.
/// </summary>
internal static class VniCodec
{
    private const int Circumflex = 1;
    private const int Breve = 2;

    // Lower-case modifier bytes (upper case = minus 0x20): (modifier, tone).
    private static readonly Dictionary<char, (int Modifier, int Tone)> Marks = new()
    {
        ['\u00F8'] = (0, 1),
        ['\u00F9'] = (0, 2),
        ['\u00FB'] = (0, 3),
        ['\u00F5'] = (0, 4),
        ['\u00EF'] = (0, 5),
        ['\u00E2'] = (Circumflex, 0),
        ['\u00E0'] = (Circumflex, 1),
        ['\u00E1'] = (Circumflex, 2),
        ['\u00E5'] = (Circumflex, 3),
        ['\u00E3'] = (Circumflex, 4),
        ['\u00E4'] = (Circumflex, 5),
        ['\u00EA'] = (Breve, 0),
        ['\u00E8'] = (Breve, 1),
        ['\u00E9'] = (Breve, 2),
        ['\u00FA'] = (Breve, 3),
        ['\u00FC'] = (Breve, 4),
        ['\u00EB'] = (Breve, 5),
    };

    // Single bytes that are whole letters: ơ, ư, đ, and i / ỵ with tones.
    private static readonly Dictionary<char, char> Singles = new()
    {
        ['\u00F4'] = '\u01A1',
        ['\u00D4'] = '\u01A0',
        ['\u00F6'] = '\u01B0',
        ['\u00D6'] = '\u01AF',
        ['\u00F1'] = '\u0111',
        ['\u00D1'] = '\u0110',
        ['\u00EC'] = '\u00EC',
        ['\u00ED'] = '\u00ED',
        ['\u00E6'] = '\u1EC9',
        ['\u00F3'] = '\u0129',
        ['\u00F2'] = '\u1ECB',
        ['\u00CC'] = '\u00CC',
        ['\u00CD'] = '\u00CD',
        ['\u00C6'] = '\u1EC8',
        ['\u00D3'] = '\u0128',
        ['\u00D2'] = '\u1ECA',
        ['\u00EE'] = '\u1EF5',
        ['\u00CE'] = '\u1EF4',
    };

    internal static string Decode(ReadOnlySpan<byte> bytes) => FromLatin1View(System.Text.Encoding.Latin1.GetString(bytes));

    internal static string FromLatin1View(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var baseChar = Singles.TryGetValue(c, out var single) ? single : c;
            var vowel = VietnameseLetters.VowelOf(baseChar);
            if (vowel >= 0 && VietnameseLetters.ToneOf(baseChar) == 0 && i + 1 < text.Length && TryMark(text[i + 1], out var mark))
            {
                var modified = ApplyModifier(vowel, mark.Modifier);
                if (modified >= 0)
                {
                    sb.Append(VietnameseLetters.Compose(modified, mark.Tone, VietnameseLetters.IsUpper(baseChar)));
                    i++;
                    continue;
                }
            }
            sb.Append(baseChar);
        }
        return sb.ToString();
    }

    private static bool TryMark(char c, out (int Modifier, int Tone) mark)
    {
        if (Marks.TryGetValue(c, out mark))
        {
            return true;
        }

        return c is >= '\u00C0' and <= '\u00DF' && Marks.TryGetValue((char)(c + 0x20), out mark);
    }

    private static int ApplyModifier(int vowel, int modifier)
    {
        var plain = VietnameseLetters.BaseVowels[vowel];
        var result = (plain, modifier) switch
        {
            (_, 0) => plain,
            ('a', Circumflex) => '\u00E2',
            ('e', Circumflex) => '\u00EA',
            ('o', Circumflex) => '\u00F4',
            ('a', Breve) => '\u0103',
            _ => '\0',
        };
        return result == '\0' ? -1 : VietnameseLetters.BaseVowels.IndexOf(result, StringComparison.Ordinal);
    }
}
