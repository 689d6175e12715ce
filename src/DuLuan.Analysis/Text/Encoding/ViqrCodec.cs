using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// VIQR (RFC 1456): ASCII marks after the vowel: ' ` ? ~ . for tones, ^ ( + for modifiers, dd for đ.
/// '?' and '.' double as punctuation, so at the end of a word they count as tones only when a
/// lower-case word follows or the word already carries another VIQR mark.
/// </summary>
internal static class ViqrCodec
{
    internal static string Decode(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsMarkChar(text[i + 1]))
            {
                sb.Append(text[i + 1]);
                i += 2;
                continue;
            }
            if (c is 'd' or 'D' && i + 1 < text.Length && text[i + 1] is 'd' or 'D')
            {
                sb.Append(c == 'D' ? '\u0110' : '\u0111');
                i += 2;
                continue;
            }
            var vowel = VietnameseLetters.VowelOf(c);
            if (vowel < 0 || c > 'z')
            {
                sb.Append(c);
                i++;
                continue;
            }
            var upper = c < 'a';
            var j = i + 1;
            if (j < text.Length)
            {
                var modified = Modify(VietnameseLetters.BaseVowels[vowel], text[j]);
                if (modified != '\0')
                {
                    vowel = VietnameseLetters.BaseVowels.IndexOf(modified, StringComparison.Ordinal);
                    j++;
                }
            }
            var tone = 0;
            if (j < text.Length)
            {
                tone = ToneOf(text[j]);
                if (tone != 0 && text[j] is '?' or '.' && !ToneAtWordEnd(text, i, j))
                {
                    tone = 0;
                }

                if (tone != 0)
                {
                    j++;
                }
            }
            sb.Append(VietnameseLetters.Compose(vowel, tone, upper));
            i = j;
        }
        return sb.ToString();
    }

    private static bool IsMarkChar(char c) => c is '\'' or '`' or '?' or '~' or '.' or '^' or '(' or '+';

    private static char Modify(char plain, char mark) => (plain, mark) switch
    {
        ('a', '^') => '\u00E2',
        ('e', '^') => '\u00EA',
        ('o', '^') => '\u00F4',
        ('a', '(') => '\u0103',
        ('o', '+') => '\u01A1',
        ('u', '+') => '\u01B0',
        _ => '\0',
    };

    private static int ToneOf(char mark) => mark switch
    {
        '`' => 1,
        '\'' => 2,
        '?' => 3,
        '~' => 4,
        '.' => 5,
        _ => 0,
    };

    private static bool ToneAtWordEnd(string text, int vowelIndex, int markIndex)
    {
        var next = markIndex + 1;
        if (next < text.Length && char.IsAsciiLetter(text[next]))
        {
            return true;
        }

        if (next + 1 < text.Length && text[next] == ' ' && char.IsAsciiLetterLower(text[next + 1]))
        {
            return true;
        }

        var start = vowelIndex;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, markIndex - start);
        return word.IndexOfAny("^(+") >= 0 || word.Contains("dd", StringComparison.OrdinalIgnoreCase);
    }
}
