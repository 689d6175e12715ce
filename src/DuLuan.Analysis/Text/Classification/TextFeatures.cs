namespace DuLuan.Analysis.Text;

/// <summary>
/// Hashed n-gram features of a text: lower-case syllable unigrams and bigrams (diacritics kept: "bàn" and "bán"
/// differ), plus segmented multi-syllable words when word features are on.
/// </summary>
internal static class TextFeatures
{
    internal static void Extract(string text, bool bigrams, bool words, Dictionary<ulong, int> counts)
    {
        counts.Clear();
        var normal = VietnameseNormalizer.Normalize(text);
        var tokens = SyllableTokenizer.Tokenize(normal);
        var previous = 0UL;
        foreach (var token in tokens)
        {
            if (token.Kind is not (TokenKind.Syllable or TokenKind.Number))
            {
                previous = 0;
                continue;
            }
            var h = SegmenterFeatures.HashSyllable(normal.AsSpan(token.Start, token.Length));
            Increment(counts, h);
            if (bigrams && previous != 0)
            {
                Increment(counts, SegmenterFeatures.Combine(previous, h) ^ 0xB16A4D5EUL);
            }

            previous = h;
        }
        if (!words)
        {
            return;
        }

        var segmented = new List<Word>(tokens.Count);
        WordSegmenter.Default.Segment(normal, tokens, segmented);
        foreach (var word in segmented)
        {
            if (word.TokenCount < 2)
            {
                continue;
            }

            var h = 0x5EEDUL;
            for (var t = word.FirstToken; t < word.FirstToken + word.TokenCount; t++)
            {
                h = SegmenterFeatures.Combine(h, SegmenterFeatures.HashSyllable(normal.AsSpan(tokens[t].Start, tokens[t].Length)));
            }
            Increment(counts, h);
        }
    }

    private static void Increment(Dictionary<ulong, int> counts, ulong key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
