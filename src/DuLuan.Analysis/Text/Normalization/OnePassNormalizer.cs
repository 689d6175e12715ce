using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Clean, NFC, tone-mark repair and (optionally) fold in one pass over UTF-16 with one table lookup per character
/// and no allocation. It covers what Vietnamese text is made of: precomposed or decomposed letters (a vowel
/// followed by at most two of the Vietnamese combining marks), either tone-mark placement, invisible characters,
/// odd spaces/quotes/dashes and emoji. Anything else (another script's combining marks, Hangul jamo, lone
/// surrogates, mark floods) makes it give up, and the caller takes the reference path
/// (<see cref="VietnameseNormalizer.NormalizeReference"/>), which the differential tests hold it equal to.
/// </summary>
internal static class OnePassNormalizer
{
    // Per UTF-16 unit: bits 0-15 the fold (VietnameseFold's table), 16-18 the CharTables class, 19-27 the
    // VietnameseLetters info (letter, vowel, tone, upper), 28 vowel, 29 vowel with a tone mark, 30 a fold that is
    // not exactly one character (dropped, several, surrogate), 31 a word boundary (ToneMarkRepair.IsWordBoundary).
    internal static readonly uint[] Entries = BuildEntries();

    internal const uint ClassBits = 7u << 16;
    internal const uint LetterBit = 0x100u << 19;
    internal const int VowelShift = 28;
    internal const int TonedShift = 29;
    internal const uint FoldNotOneBit = 1u << 30;
    internal const uint WordBoundaryBit = 1u << 31;

    private const char FoldSpecial = '\uFFFE';
    private const int HornO = 8;

    internal interface IMode
    {
        static abstract bool Fold { get; }
    }

    internal readonly struct NormalizeOnly : IMode
    {
        public static bool Fold => false;
    }

    internal readonly struct NormalizeAndFold : IMode
    {
        public static bool Fold => true;
    }

    private static uint[] BuildEntries()
    {
        var entries = new uint[65536];
        for (var c = 0; c < 65536; c++)
        {
            var info = (uint)VietnameseLetters.InfoOf((char)c) & 0x1FF;
            var fold = VietnameseFold.TableEntry((char)c);
            entries[c] = fold | ((uint)CharTables.Class[c] << 16) | (info << 19)
                | ((info & 0xF) != 0 ? 1u << VowelShift : 0) | ((info & 0x70) != 0 ? 1u << TonedShift : 0)
                | (fold is '\0' or >= FoldSpecial ? FoldNotOneBit : 0) | (ToneMarkRepair.IsWordBoundary((char)c) ? WordBoundaryBit : 0);
        }
        return entries;
    }

    /// <summary>
    /// Writes the normal form into <paramref name="normal"/> and, in fold mode, the search key into
    /// <paramref name="folded"/> (both at least as long as the text). False: the text needs the reference path.
    /// <paramref name="foldLength"/> is -1 when a character folds to several (the caller folds the normal form).
    /// </summary>
    internal static bool TryRun<TMode>(ReadOnlySpan<char> text, ToneMarkStyle style, Span<char> normal, Span<char> folded,
        out int normalLength, out int foldLength, out bool changed)
        where TMode : struct, IMode
    {
        ref var entries = ref MemoryMarshal.GetArrayDataReference(Entries);
        var run = default(LetterRun);
        var w = 0;
        var f = 0;
        var foldExpands = false;
        changed = false;
        normalLength = 0;
        foldLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var entry = Unsafe.Add(ref entries, c);
            var kind = (entry >> 16) & 7;
            if (kind != CharTables.Keep)
            {
                if (kind == CharTables.Drop)
                {
                    changed = true;
                    continue;
                }

                if (kind == CharTables.Map)
                {
                    c = CharTables.Mapped[c];
                    entry = Unsafe.Add(ref entries, c);
                    changed = true;
                }
                else if (kind == CharTables.HighSurrogate && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && CharTables.IsStableSupplementary(c, text[i + 1]))
                {
                    run.Close(normal, w, c, style, ref changed);
                    normal[w++] = c;
                    normal[w++] = text[++i];
                    if (TMode.Fold)
                    {
                        folded[f++] = c;
                        folded[f++] = text[i];
                    }

                    continue;
                }
                else
                {
                    return false;
                }
            }

            var info = (int)(entry >> 19) & 0x1FF;
            if ((info & 0xF) != 0 && i + 1 < text.Length && ((Unsafe.Add(ref entries, text[i + 1]) >> 16) & 7) is CharTables.Mark or CharTables.Drop)
            {
                if (!VietnameseMarks.TryComposeFollowing(text, ref i, ref c, ref changed))
                {
                    return false;
                }

                entry = Unsafe.Add(ref entries, c);
                info = (int)(entry >> 19) & 0x1FF;
            }

            if ((info & 0x100) != 0)
            {
                run.Add(info, w);
            }
            else if (run.Length > 0)
            {
                run.Close(normal, w, c, style, ref changed);
            }

            normal[w++] = c;
            if (TMode.Fold)
            {
                var fc = (char)entry;
                if (fc >= FoldSpecial)
                {
                    foldExpands = true;
                }
                else
                {
                    folded[f] = fc;
                    f += fc == '\0' ? 0 : 1;
                }
            }
        }
        run.Close(normal, w, '\0', style, ref changed);
        normalLength = w;
        foldLength = foldExpands ? -1 : f;
        return true;
    }

    /// <summary>The letters of the syllable being read, as <see cref="ToneMarkRepair.Apply"/> counts them.</summary>
    private struct LetterRun
    {
        private int start;
        private int vowels;
        private int tones;
        private int tonedInfo;
        private bool hasHornO;
        private bool modifiedAfterTone;

        public int Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int info, int position)
        {
            if (Length++ == 0)
            {
                start = position;
            }

            var vowel = (info & 0xF) - 1;
            if (vowel >= 0)
            {
                vowels++;
                hasHornO |= vowel == HornO;
                if (tones > 0 && ToneMarkRepair.IsModified(vowel))
                {
                    modifiedAfterTone = true;
                }

                if ((info & 0x70) != 0)
                {
                    tones++;
                    tonedInfo = info;
                }
            }
        }

        /// <summary>Ends the run at <paramref name="end"/>; <paramref name="next"/> is the character after it ('\0' at the end of the text).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Close(Span<char> normal, int end, char next, ToneMarkStyle style, ref bool changed)
        {
            if (Length == 0)
            {
                return;
            }

            if (tones == 1 && vowels >= 2 && Length <= 7)
            {
                var tonedVowel = (tonedInfo & 0xF) - 1;
                if (!(ToneMarkRepair.IsModified(tonedVowel) && !modifiedAfterTone && (tonedVowel == HornO || !hasHornO)))
                {
                    Repair(normal, start, end, next, style, ref changed);
                }
            }
            this = default;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Repair(Span<char> normal, int start, int end, char next, ToneMarkStyle style, ref bool changed)
        {
            var before = start == 0 || ToneMarkRepair.IsWordBoundary(normal[start - 1]);
            var after = next == '\0' || ToneMarkRepair.IsWordBoundary(next);
            if (!before || !after)
            {
                return;
            }

            if (RepairCache.Apply(normal[start..end], style))
            {
                changed = true;
            }
        }
    }
}
