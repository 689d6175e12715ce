using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Tone repair and fold for text with nothing to clean or compose (every character of class Keep, which stored and
/// typed Vietnamese text almost always is), reading the text once. Per character the loop does what
/// <see cref="VietnameseFold.Fold(string)"/> does (one table lookup, one store) and tests one bit: is this a vowel
/// with a tone mark. Only then does it look at the syllable around it, and only when a neighbour is a vowel too: a
/// syllable <see cref="ToneMarkRepair.TryRepair"/> can change has its vowels side by side (onset, nucleus, coda, see
/// <see cref="SyllableShape"/>) and at least two of them. That syllable is then held to exactly
/// <see cref="ToneMarkRepair.Apply"/>'s test (one tone, two or more vowels, at most 7 letters, not already on its
/// modified vowel, word boundaries on both sides) and repaired through <see cref="RepairCache"/>. Any other
/// character makes it give up (the one pass or the reference path runs instead).
/// </summary>
internal static class CleanTextPass
{
    private const int HornO = 8;

    // Indexes into VietnameseLetters.BaseVowels of ă, â, ê, ô, ơ, ư (ToneMarkRepair.IsModified) as one bit mask.
    private const int ModifiedMask = (1 << 1) | (1 << 2) | (1 << 4) | (1 << 7) | (1 << 8) | (1 << 10);
    private const int Chunk = 128;

    /// <summary>
    /// The normal form in <paramref name="normal"/> (the input instance when nothing changes) and, in fold mode, the
    /// search key in the first <c>text.Length</c> characters of <paramref name="folded"/>. False when the text has a
    /// character that is not Keep (or, in fold mode, one whose fold is not exactly one character).
    /// </summary>
    internal static bool TryRun<TMode>(string text, ToneMarkStyle style, Span<char> folded, out string normal)
        where TMode : struct, OnePassNormalizer.IMode
    {
        if (TMode.Fold && folded.Length < text.Length)
        {
            throw new ArgumentException("the fold buffer is shorter than the text", nameof(folded));
        }

        ref var entries = ref MemoryMarshal.GetArrayDataReference(OnePassNormalizer.Entries);
        ref var fold = ref MemoryMarshal.GetReference(folded);
        ref var chars = ref MemoryMarshal.GetReference(text.AsSpan());
        var giveUp = TMode.Fold ? OnePassNormalizer.ClassBits | OnePassNormalizer.FoldNotOneBit : OnePassNormalizer.ClassBits;
        Span<int> marks = stackalloc int[Chunk];
        ref var mark = ref MemoryMarshal.GetReference(marks);
        char[]? repaired = null;
        var length = text.Length;
        // Per character two bits (vowel, toned vowel) of the last three characters: i in bits 0-1, i-1 in 2-3, i-2 in 4-5.
        uint recent = 0;
        var i = 0;
        while (i < length)
        {
            var chunkEnd = Math.Min(length, i + Chunk);
            var found = 0;
            var stop = 0u;
            for (; i < chunkEnd; i++)
            {
                var entry = Unsafe.Add(ref entries, Unsafe.Add(ref chars, i));
                stop |= entry & giveUp;
                if (TMode.Fold)
                {
                    Unsafe.Add(ref fold, i) = (char)entry;
                }

                recent = ((recent << 2) | ((entry >> OnePassNormalizer.VowelShift) & 3)) & 0x3F;
                // Character i-1 is a toned vowel with a vowel beside it: note it, without a branch.
                Unsafe.Add(ref mark, found) = i - 1;
                found += (int)((recent >> 3) & (recent | (recent >> 4)) & 1);
            }
            if (stop != 0)
            {
                Return(repaired);
                normal = text;
                return false;
            }

            if (found > 0)
            {
                LookAll(text, marks[..found], style, ref repaired);
            }
        }
        // The last character has no right neighbour.
        if (((recent >> 1) & (recent >> 2) & 1) != 0)
        {
            Look(text, length - 1, style, ref repaired);
        }

        normal = repaired is null ? text : new string(repaired, 0, text.Length);
        Return(repaired);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LookAll(string text, ReadOnlySpan<int> marks, ToneMarkStyle style, ref char[]? repaired)
    {
        foreach (var toned in marks)
        {
            Look(text, toned, style, ref repaired);
        }
    }

    /// <summary>
    /// <see cref="ToneMarkRepair.Apply"/>'s test for the syllable (run of letters) around the toned vowel at
    /// <paramref name="toned"/>, then the repair. Called once per toned vowel, so a syllable with one tone is looked
    /// at once; one with two tones is looked at twice and left alone both times.
    /// </summary>
    private static void Look(string text, int toned, ToneMarkStyle style, ref char[]? repaired)
    {
        var entries = OnePassNormalizer.Entries;
        var start = toned;
        while (start > 0 && (entries[text[start - 1]] & OnePassNormalizer.LetterBit) != 0)
        {
            if (toned - --start >= 7)
            {
                return;
            }
        }
        var end = toned + 1;
        while (end < text.Length && (entries[text[end]] & OnePassNormalizer.LetterBit) != 0)
        {
            if (++end - start > 7)
            {
                return;
            }
        }

        var vowels = 0;
        var tones = 0;
        var tonedVowel = -1;
        var hasHornO = false;
        var modifiedAfterTone = false;
        for (var k = start; k < end; k++)
        {
            var info = (int)(entries[text[k]] >> 19);
            var vowel = (info & 0xF) - 1;
            if (vowel < 0)
            {
                continue;
            }

            vowels++;
            hasHornO |= vowel == HornO;
            modifiedAfterTone |= tones > 0 && ((ModifiedMask >> vowel) & 1) != 0;
            if ((info & 0x70) != 0)
            {
                tones++;
                tonedVowel = vowel;
            }
        }
        if (tones != 1 || vowels < 2)
        {
            return;
        }

        // Tone already on a modified vowel (ê, ô, ơ, ư, â, ă) with none after it and no ơ to claim it: canonical.
        if (((ModifiedMask >> tonedVowel) & 1) != 0 && !modifiedAfterTone && (tonedVowel == HornO || !hasHornO))
        {
            return;
        }

        if ((start > 0 && (entries[text[start - 1]] & OnePassNormalizer.WordBoundaryBit) == 0)
            || (end < text.Length && (entries[text[end]] & OnePassNormalizer.WordBoundaryBit) == 0))
        {
            return;
        }

        var answer = RepairCache.Answer(text.AsSpan(start, end - start), style);
        if (answer == 0)
        {
            return;
        }

        if (repaired is null)
        {
            repaired = ArrayPool<char>.Shared.Rent(text.Length);
            text.CopyTo(repaired);
        }
        RepairCache.Write(repaired.AsSpan(start, end - start), answer);
    }

    private static void Return(char[]? repaired)
    {
        if (repaired is not null)
        {
            ArrayPool<char>.Shared.Return(repaired);
        }
    }
}
