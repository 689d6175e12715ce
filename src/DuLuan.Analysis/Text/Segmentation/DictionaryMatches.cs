namespace DuLuan.Analysis.Text;

/// <summary>
/// Where the words of an external dictionary (Viet74K) fall in one sentence: for each syllable the longest
/// dictionary word covering the gap after it, ending at it and starting at it, and whether forward and backward
/// longest matching join that gap. Computed once per sentence (about three hash lookups per syllable) and read by
/// <see cref="SegmenterFeatures"/> as evidence beside the learned n-gram weights, never as the decision.
/// </summary>
internal static class DictionaryMatches
{
    internal const int Stride = 4;
    internal const int Spanning = 0;
    internal const int EndingHere = 1;
    internal const int StartingHere = 2;
    internal const int LongestMatch = 3;
    internal const byte ForwardJoins = 1;
    internal const byte BackwardJoins = 2;

    internal static void Describe(ReadOnlySpan<ulong> hashes, Lexicon dictionary, Span<byte> info)
    {
        var n = hashes.Length;
        info[..(n * Stride)].Clear();
        for (var s = 0; s < n; s++)
        {
            var h = hashes[s];
            for (var e = s + 1; e < n && e - s < Lexicon.MaxSyllables; e++)
            {
                h = SegmenterFeatures.Combine(h, hashes[e]);
                if (!dictionary.Contains(h))
                {
                    continue;
                }

                var length = (byte)(e - s + 1);
                info[s * Stride + StartingHere] = length;
                info[e * Stride + EndingHere] = Math.Max(info[e * Stride + EndingHere], length);
                for (var g = s; g < e; g++)
                {
                    info[g * Stride + Spanning] = Math.Max(info[g * Stride + Spanning], length);
                }
            }
        }
        for (var s = 0; s < n;)
        {
            var length = Math.Max(1, (int)info[s * Stride + StartingHere]);
            for (var g = s; g < s + length - 1; g++)
            {
                info[g * Stride + LongestMatch] |= ForwardJoins;
            }
            s += length;
        }
        for (var e = n - 1; e >= 0;)
        {
            var length = Math.Max(1, (int)info[e * Stride + EndingHere]);
            for (var g = e - length + 1; g < e; g++)
            {
                info[g * Stride + LongestMatch] |= BackwardJoins;
            }
            e -= length;
        }
    }

    /// <summary>
    /// The entries a model keeps: lower-cased words of 2..4 syllables made only of letters separated by single
    /// spaces (hyphenated loanwords and longer idioms are left out: the segmenter never joins across a hyphen and
    /// looks at most four syllables away).
    /// </summary>
    internal static SortedSet<string> ModelEntries(IEnumerable<string> entries)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is >= 2 and <= Lexicon.MaxSyllables && parts.All(p => p.All(char.IsLetter)))
            {
                words.Add(VietnameseNormalizer.Normalize(string.Join(' ', parts)));
            }
        }
        return words;
    }

    /// <summary>Hashes each entry in both tone-mark placements ("hòa bình" and "hoà bình") so either spelling matches.</summary>
    internal static Lexicon Build(IEnumerable<string> modelEntries)
    {
        var lexicon = new Lexicon();
        foreach (var word in modelEntries)
        {
            lexicon.AddWord(word);
            var old = VietnameseNormalizer.Normalize(word, ToneMarkStyle.Old);
            if (!ReferenceEquals(old, word) && !string.Equals(old, word, StringComparison.Ordinal))
            {
                lexicon.AddWord(old);
            }
        }
        return lexicon;
    }
}
