namespace DuLuan.Analysis.Text;

/// <summary>
/// Hashed features of the gap between two adjacent syllables: syllable n-grams around the gap, letter-case
/// shapes (names are capitalised runs) and whether lexicon words span the gap. Hashing keeps the model a flat
/// float array and the hot path free of strings.
/// </summary>
internal static class SegmenterFeatures
{
    internal const int Bits = 20;
    internal const int Size = 1 << Bits;
    internal const int PerGap = 24;
    internal const int WithoutDictionary = 16;
    private const ulong Boundary = 0x9E3779B97F4A7C15UL;

    internal static ulong HashSyllable(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }
        return h;
    }

    internal static ulong Combine(ulong a, ulong b) => (a ^ (b + Boundary + (a << 6) + (a >> 2))) * 0xFF51AFD7ED558CCDUL;

    internal static byte Shape(ReadOnlySpan<char> s, TokenKind kind)
    {
        if (kind != TokenKind.Syllable)
        {
            return (byte)(kind + 3);
        }

        if (!char.IsUpper(s[0]))
        {
            return 0;
        }

        return s.Length > 1 && char.IsUpper(s[^1]) ? (byte)2 : (byte)1;
    }

    /// <summary>
    /// Writes the feature indexes of gap (i, i+1) into <paramref name="features"/> and returns how many: 16 without
    /// a dictionary (the model before Viet74K, reproduced exactly), 24 with one (<paramref name="dictionary"/> is
    /// the per-sentence output of <see cref="DictionaryMatches.Describe"/>, empty when there is no dictionary).
    /// </summary>
    internal static int Extract(ReadOnlySpan<ulong> hashes, ReadOnlySpan<byte> shapes, ReadOnlySpan<byte> dictionary, int i, Lexicon lexicon, Span<int> features)
    {
        var ll = i > 0 ? hashes[i - 1] : Boundary;
        var l = hashes[i];
        var r = hashes[i + 1];
        var rr = i + 2 < hashes.Length ? hashes[i + 2] : Boundary;
        var sll = i > 0 ? shapes[i - 1] : (byte)9;
        var srr = i + 2 < shapes.Length ? shapes[i + 2] : (byte)9;
        var lr = Combine(l, r);
        var spanning = lexicon.LongestSpanning(hashes, i);
        var k = 0;
        features[k++] = Index(1, 0);
        features[k++] = Index(2, l);
        features[k++] = Index(3, r);
        features[k++] = Index(4, lr);
        features[k++] = Index(5, Combine(ll, l));
        features[k++] = Index(6, Combine(r, rr));
        features[k++] = Index(7, Combine(ll, lr));
        features[k++] = Index(8, Combine(lr, rr));
        features[k++] = Index(9, (ulong)(shapes[i] * 16 + shapes[i + 1]));
        features[k++] = Index(10, (ulong)(((sll * 16 + shapes[i]) * 16 + shapes[i + 1]) * 16 + srr));
        features[k++] = Index(11, lexicon.Contains(lr) ? 1UL : 0UL);
        features[k++] = Index(12, (ulong)spanning);
        features[k++] = Index(13, Combine((ulong)spanning, (ulong)(shapes[i] * 16 + shapes[i + 1])));
        features[k++] = Index(14, lexicon.Contains(Combine(lr, rr)) ? 1UL : 0UL);
        features[k++] = Index(15, i > 0 && lexicon.Contains(Combine(Combine(ll, l), r)) ? 1UL : 0UL);
        features[k++] = Index(16, Combine(l, (ulong)shapes[i + 1]));
        if (dictionary.IsEmpty)
        {
            return k;
        }

        var at = i * DictionaryMatches.Stride;
        var span = (ulong)dictionary[at + DictionaryMatches.Spanning];
        var longest = (ulong)dictionary[at + DictionaryMatches.LongestMatch];
        var leftEnds = (ulong)dictionary[at + DictionaryMatches.EndingHere];
        var rightStarts = (ulong)dictionary[at + DictionaryMatches.Stride + DictionaryMatches.StartingHere];
        features[k++] = Index(17, Combine(span, (ulong)(shapes[i] * 16 + shapes[i + 1])));
        features[k++] = Index(18, span * 4 + longest);
        features[k++] = Index(19, leftEnds * 16 + rightStarts);
        features[k++] = Index(20, (ulong)spanning * 16 + span);
        features[k++] = Index(21, Combine(l, longest));
        features[k++] = Index(22, Combine(r, longest));
        features[k++] = Index(23, Combine(lr, longest));
        features[k++] = Index(24, Combine((ulong)(shapes[i] * 16 + shapes[i + 1]), longest * 8 + span));
        return k;
    }

    private static int Index(int template, ulong value) => (int)(Combine((ulong)template, value) >> (64 - Bits));
}
