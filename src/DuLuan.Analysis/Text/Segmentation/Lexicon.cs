namespace DuLuan.Analysis.Text;

/// <summary>Multi-syllable words (2..4 syllables) as hashes of their lower-case syllable sequences.</summary>
internal sealed class Lexicon
{
    internal const int MaxSyllables = 4;
    private readonly HashSet<ulong> words = [];

    internal int Count => words.Count;

    internal void Add(ReadOnlySpan<ulong> syllableHashes)
    {
        if (syllableHashes.Length is < 2 or > MaxSyllables)
        {
            return;
        }

        var h = syllableHashes[0];
        for (var k = 1; k < syllableHashes.Length; k++)
        {
            h = SegmenterFeatures.Combine(h, syllableHashes[k]);
        }

        words.Add(h);
    }

    internal void AddWord(string word)
    {
        Span<ulong> hashes = stackalloc ulong[MaxSyllables];
        var n = 0;
        foreach (var part in word.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (n == MaxSyllables)
            {
                return;
            }

            hashes[n++] = SegmenterFeatures.HashSyllable(part);
        }
        Add(hashes[..n]);
    }

    internal bool Contains(ulong combined) => words.Contains(combined);

    /// <summary>Syllable count of the longest lexicon word covering the gap after syllable <paramref name="i"/>, 0 if none.</summary>
    internal int LongestSpanning(ReadOnlySpan<ulong> hashes, int i)
    {
        var best = 0;
        for (var start = Math.Max(0, i - MaxSyllables + 2); start <= i; start++)
        {
            var h = hashes[start];
            for (var end = start + 1; end < hashes.Length && end - start < MaxSyllables; end++)
            {
                h = SegmenterFeatures.Combine(h, hashes[end]);
                if (end > i && end - start + 1 > best && words.Contains(h))
                {
                    best = end - start + 1;
                }
            }
        }
        return best;
    }
}
