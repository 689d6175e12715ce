using System.Globalization;

namespace DuLuan.Analysis.Text;

/// <summary>Moves each syllable's single tone mark to its canonical vowel ("baỏ" -> "bảo", "hoà" -> "hòa").</summary>
internal static class ToneMarkRepair
{
    internal static string Apply(string s, ToneMarkStyle style)
    {
        char[]? output = null;
        Span<char> fixedRun = stackalloc char[8];
        var table = VietnameseLetters.InfoTable;
        var i = 0;
        while (i < s.Length)
        {
            var c0 = s[i];
            var info = c0 < table.Length ? table[c0] : 0;
            if ((info & 0x100) == 0)
            {
                i++;
                continue;
            }
            var start = i;
            var tones = 0;
            var vowels = 0;
            var tonedInfo = 0;
            var hasHornO = false;
            var modifiedAfterTone = false;
            do
            {
                var vowel = (info & 0xF) - 1;
                if (vowel >= 0)
                {
                    vowels++;
                    hasHornO |= vowel == HornO;
                    if (tones > 0 && IsModified(vowel))
                    {
                        modifiedAfterTone = true;
                    }

                    if ((info & 0x70) != 0)
                    {
                        tones++;
                        tonedInfo = info;
                    }
                }
                if (++i >= s.Length)
                {
                    break;
                }

                var c = s[i];
                info = c < table.Length ? table[c] : 0;
            }
            while ((info & 0x100) != 0);
            if (tones != 1 || vowels < 2 || i - start > 7)
            {
                continue;
            }
            // Tone already on a modified vowel (ê, ô, ơ, ư, â, ă) with none after it and no ơ to claim it: canonical.
            var tonedVowel = (tonedInfo & 0xF) - 1;
            if (IsModified(tonedVowel) && !modifiedAfterTone && (tonedVowel == HornO || !hasHornO))
            {
                continue;
            }

            if (!IsWordBoundary(s, start - 1) || !IsWordBoundary(s, i))
            {
                continue;
            }

            var source = output is null ? s.AsSpan(start, i - start) : output.AsSpan(start, i - start);
            if (!TryRepair(source, style, fixedRun))
            {
                continue;
            }

            output ??= s.ToCharArray();
            fixedRun[..(i - start)].CopyTo(output.AsSpan(start));
        }
        return output is null ? s : new string(output);
    }

    private const int HornO = 8;

    // Indexes into VietnameseLetters.BaseVowels of ă, â, ê, ô, ơ, ư.
    internal static bool IsModified(int vowel) => vowel is 1 or 2 or 4 or 7 or 8 or 10;

    private static bool IsWordBoundary(string s, int index) => index < 0 || index >= s.Length || IsWordBoundary(s[index]);

    /// <summary>True when <paramref name="c"/> cannot belong to a word (not a letter, surrogate or combining mark).</summary>
    internal static bool IsWordBoundary(char c)
    {
        if (char.IsLetter(c) || char.IsSurrogate(c))
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }

    /// <summary>Writes the repaired syllable into <paramref name="result"/>; false when nothing changes.</summary>
    internal static bool TryRepair(ReadOnlySpan<char> syllable, ToneMarkStyle style, Span<char> result)
    {
        Span<char> plain = stackalloc char[8];
        var tone = 0;
        var current = -1;
        for (var k = 0; k < syllable.Length; k++)
        {
            var c = syllable[k];
            plain[k] = VietnameseLetters.Plain(c);
            var t = VietnameseLetters.ToneOf(c);
            if (t != 0)
            {
                tone = t;
                current = k;
            }
        }
        var p = plain[..syllable.Length];
        if (!SyllableShape.TryParse(p, strict: false, out var shape))
        {
            return false;
        }

        var target = shape.TonePosition(p, style);
        if (target == current)
        {
            return false;
        }

        syllable.CopyTo(result);
        var from = syllable[current];
        result[current] = VietnameseLetters.Compose(VietnameseLetters.VowelOf(from), 0, VietnameseLetters.IsUpper(from));
        var to = syllable[target];
        result[target] = VietnameseLetters.Compose(VietnameseLetters.VowelOf(to), tone, VietnameseLetters.IsUpper(to));
        return true;
    }
}
