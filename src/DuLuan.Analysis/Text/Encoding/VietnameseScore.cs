namespace DuLuan.Analysis.Text;

/// <summary>How Vietnamese a decoding looks: +1 per well-formed accented syllable, -1 per malformed word or stray symbol.</summary>
internal static class VietnameseScore
{
    internal static int Score(string text)
    {
        var s = VietnameseNormalizer.Normalize(text);
        var score = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (!char.IsLetter(c))
            {
                if (c >= '\u0080' && !char.IsWhiteSpace(c))
                {
                    score--;
                }

                i++;
                continue;
            }
            var start = i;
            var ascii = true;
            while (i < s.Length && char.IsLetter(s[i]))
            {
                ascii &= s[i] < '\u0080';
                i++;
            }
            if (!ascii)
            {
                score += IsAccentedSyllable(s.AsSpan(start, i - start)) ? 1 : -1;
            }
        }
        return score;
    }

    internal static bool IsAccentedSyllable(ReadOnlySpan<char> word)
    {
        if (word.Length > 7)
        {
            return false;
        }

        Span<char> plain = stackalloc char[7];
        var tones = 0;
        var upperSeen = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (!VietnameseLetters.IsLetter(c))
            {
                return false;
            }

            if (VietnameseLetters.ToneOf(c) != 0)
            {
                tones++;
            }

            if (VietnameseLetters.IsUpper(c))
            {
                upperSeen++;
            }

            plain[k] = VietnameseLetters.Plain(c);
        }
        // Mixed case inside a word ("ViÖt" decoded wrongly gives "ViÊt") is a sign of a wrong decoding.
        if (upperSeen > 1 && upperSeen < word.Length)
        {
            return false;
        }

        if (upperSeen == 1 && !VietnameseLetters.IsUpper(word[0]))
        {
            return false;
        }

        return tones <= 1 && SyllableShape.TryParse(plain[..word.Length], strict: true, out _);
    }
}
