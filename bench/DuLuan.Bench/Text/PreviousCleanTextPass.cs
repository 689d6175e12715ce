using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text;

/// <summary>
/// Frozen copy of the clean-text pass as it was before the toned-vowel pass (#21, 2026-12-07 03:27 UTC), the
/// "previous" column of <c>text fold</c>. What it did:
/// tone repair and fold for text with nothing to clean or compose (every character of class Keep, which stored and
/// typed Vietnamese text almost always is), reading the text once. One table lookup per character gives its fold,
/// its class and whether it is a letter, a vowel or a toned vowel; per letter the pass only adds to two counters
/// (vowels, toned vowels). A syllable is looked at again only when it ends with two or more vowels and exactly one
/// tone mark, the only syllables <see cref="ToneMarkRepair.Apply"/> can change, and repaired through
/// <see cref="RepairCache"/>. Any other character makes it give up (the one pass or the reference path runs instead).
/// </summary>
internal static class PreviousCleanTextPass
{
    private const int HornO = 8;

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
        var giveUp = TMode.Fold ? OnePassNormalizer.ClassBits | OnePassNormalizer.FoldNotOneBit : OnePassNormalizer.ClassBits;
        char[]? repaired = null;
        // Vowels (low half) and toned vowels (high half) among the letters since the last non-letter.
        ulong counts = 0;
        var lastNonLetter = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var entry = Unsafe.Add(ref entries, text[i]);
            if ((entry & giveUp) != 0)
            {
                Return(repaired);
                normal = text;
                return false;
            }

            if (TMode.Fold)
            {
                Unsafe.Add(ref fold, i) = (char)entry;
            }

            if ((entry & OnePassNormalizer.LetterBit) != 0)
            {
                counts += ((entry >> OnePassNormalizer.VowelShift) & 1) | ((ulong)((entry >> OnePassNormalizer.TonedShift) & 1) << 32);
                continue;
            }

            if (counts != 0)
            {
                if (MayNeedRepair(counts, i - lastNonLetter - 1))
                {
                    Repair(text, lastNonLetter + 1, i, style, ref repaired);
                }

                counts = 0;
            }
            lastNonLetter = i;
        }
        if (MayNeedRepair(counts, text.Length - lastNonLetter - 1))
        {
            Repair(text, lastNonLetter + 1, text.Length, style, ref repaired);
        }

        normal = repaired is null ? text : new string(repaired, 0, text.Length);
        Return(repaired);
        return true;
    }

    /// <summary>Exactly one tone mark over two or more vowels in at most 7 letters (what ToneMarkRepair.Apply looks at).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayNeedRepair(ulong counts, int letters) => (counts >> 32) == 1 && (uint)counts >= 2 && letters <= 7;

    /// <summary>The rest of <see cref="ToneMarkRepair.Apply"/>'s test for the syllable text[start..end], then the repair.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Repair(string text, int start, int end, ToneMarkStyle style, ref char[]? repaired)
    {
        var table = VietnameseLetters.InfoTable;
        var tonedVowel = -1;
        var hasHornO = false;
        var modifiedAfterTone = false;
        for (var k = start; k < end; k++)
        {
            var info = table[text[k]];
            var vowel = (info & 0xF) - 1;
            if (vowel < 0)
            {
                continue;
            }

            hasHornO |= vowel == HornO;
            if (tonedVowel >= 0 && ToneMarkRepair.IsModified(vowel))
            {
                modifiedAfterTone = true;
            }

            if ((info & 0x70) != 0)
            {
                tonedVowel = vowel;
            }
        }
        // Tone already on a modified vowel (ê, ô, ơ, ư, â, ă) with none after it and no ơ to claim it: canonical.
        if (ToneMarkRepair.IsModified(tonedVowel) && !modifiedAfterTone && (tonedVowel == HornO || !hasHornO))
        {
            return;
        }

        var entries = OnePassNormalizer.Entries;
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

    /// <summary>VietnameseNormalizer.NormalizeAndFold as it was then: this pass, else today's one pass and reference path.</summary>
    internal static string NormalizeAndFold(string text, out string folded)
    {
        if (text.Length == 0)
        {
            folded = text;
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var fold = buffer.AsSpan(0, text.Length);
            if (TryRun<OnePassNormalizer.NormalizeAndFold>(text, ToneMarkStyle.New, fold, out var clean))
            {
                folded = fold.SequenceEqual(clean) ? clean : new string(fold);
                return clean;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return VietnameseNormalizer.NormalizeAndFold(text, out folded);
    }

    /// <summary>VietnameseNormalizer.Normalize as it was then.</summary>
    internal static string Normalize(string text) =>
        text.Length > 0 && TryRun<OnePassNormalizer.NormalizeOnly>(text, ToneMarkStyle.New, default, out var clean) ? clean : VietnameseNormalizer.Normalize(text);

    private static void Return(char[]? repaired)
    {
        if (repaired is not null)
        {
            ArrayPool<char>.Shared.Return(repaired);
        }
    }
}
