namespace DuLuan.Analysis.Text;

/// <summary>
/// <see cref="ToneMarkRepair.TryRepair"/>'s answer per syllable, remembered in a small direct-mapped table per
/// thread: a text repeats the same few thousand syllables, and parsing one costs far more than the rest of the pass.
/// The key is the syllable itself (at most 7 letters, all below U+1F00, packed into two words with its length and
/// the style), so a hit gives exactly what TryRepair would.
/// </summary>
internal static class RepairCache
{
    private const int SlotBits = 12;

    [ThreadStatic]
    private static ulong[]? slots;

    /// <summary>Repairs <paramref name="syllable"/> in place; true when it changed.</summary>
    internal static bool Apply(Span<char> syllable, ToneMarkStyle style)
    {
        var answer = Answer(syllable, style);
        if (answer == 0)
        {
            return false;
        }

        Write(syllable, answer);
        return true;
    }

    /// <summary>0 when the syllable is canonical; else the change, for <see cref="Write"/>.</summary>
    internal static ulong Answer(ReadOnlySpan<char> syllable, ToneMarkStyle style)
    {
        ulong low = 0;
        var high = ((ulong)syllable.Length << 48) | ((ulong)style << 56);
        for (var k = 0; k < syllable.Length; k++)
        {
            if (k < 4)
            {
                low |= (ulong)syllable[k] << (16 * k);
            }
            else
            {
                high |= (ulong)syllable[k] << (16 * (k - 4));
            }
        }
        var table = slots ??= new ulong[(1 << SlotBits) * 3];
        var slot = (int)(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) >> (64 - SlotBits)) * 3;
        ulong answer;
        if (table[slot] == low && table[slot + 1] == high)
        {
            answer = table[slot + 2];
        }
        else
        {
            answer = Compute(syllable, style);
            table[slot] = low;
            table[slot + 1] = high;
            table[slot + 2] = answer;
        }

        return answer;
    }

    /// <summary>Writes a non-zero <see cref="Answer"/> into the syllable.</summary>
    internal static void Write(Span<char> syllable, ulong answer)
    {
        // Two changed positions: the vowel that loses the mark and the one that takes it.
        syllable[(int)(answer & 7)] = (char)(answer >> 8);
        syllable[(int)((answer >> 3) & 7)] = (char)(answer >> 24);
    }

    private static ulong Compute(ReadOnlySpan<char> syllable, ToneMarkStyle style)
    {
        Span<char> repaired = stackalloc char[8];
        if (!ToneMarkRepair.TryRepair(syllable, style, repaired))
        {
            return 0;
        }

        var first = -1;
        var second = -1;
        for (var k = 0; k < syllable.Length; k++)
        {
            if (repaired[k] == syllable[k])
            {
                continue;
            }

            if (first < 0)
            {
                first = k;
            }
            else
            {
                second = k;
            }
        }
        if (first < 0)
        {
            return 0;
        }

        if (second < 0)
        {
            second = first;
        }

        return 1UL << 63 | (uint)first | ((ulong)second << 3) | ((ulong)repaired[first] << 8) | ((ulong)repaired[second] << 24);
    }
}
