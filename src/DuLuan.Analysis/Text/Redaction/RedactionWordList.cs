namespace DuLuan.Analysis.Text;

/// <summary>
/// Viet74K (npm @vntk/dictionary, MIT; embedded by the build, see Segmentation/NOTICE.md) as features of the learned span
/// model: is a word, or a word with its neighbour, an everyday word ("hàng xóm") or a proper name ("Tuấn Đạo", a place),
/// with and without marks. Entries of one and two syllables only, hashed; loaded once.
/// </summary>
internal static class RedactionWordList
{
    internal const byte Common = 1;
    internal const byte Proper = 2;
    internal const byte CommonFolded = 4;
    internal const byte ProperFolded = 8;

    private static readonly Lazy<Dictionary<ulong, byte>> Entries = new(Load);

    /// <summary>Flags of one syllable (<paramref name="lower"/> with marks, <paramref name="fold"/> without).</summary>
    internal static byte Single(string lower, string fold)
        => (byte)((Get(Key(lower)) & (Common | Proper)) | (Get(Folded(Key(fold))) & (CommonFolded | ProperFolded)));

    /// <summary>Flags of two adjacent syllables.</summary>
    internal static byte Pair(RedactionWord a, RedactionWord b)
        => (byte)((Get(Key(a.Lower, b.Lower)) & (Common | Proper)) | (Get(Folded(Key(a.Fold, b.Fold))) & (CommonFolded | ProperFolded)));

    private static byte Get(ulong key) => Entries.Value.GetValueOrDefault(key);

    private static ulong Key(string syllable) => SegmenterFeatures.HashSyllable(syllable);

    private static ulong Key(string a, string b) => SegmenterFeatures.Combine(SegmenterFeatures.HashSyllable(a), SegmenterFeatures.HashSyllable(b));

    private static ulong Folded(ulong key) => SegmenterFeatures.Combine(key, 0xF0);

    private static Dictionary<ulong, byte> Load()
    {
        var entries = new Dictionary<ulong, byte>();
        void Add(ulong key, byte flag) => entries[key] = (byte)(entries.GetValueOrDefault(key) | flag);
        foreach (var line in Viet74K.RawEntries())
        {
            var entry = line.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var proper = char.IsUpper(entry[0]);
            var parts = VietnameseNormalizer.Normalize(entry.ToLowerInvariant()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || !parts.All(p => p.All(char.IsLetter)))
            {
                continue;
            }

            var marked = parts.Length == 1 ? Key(parts[0]) : Key(parts[0], parts[1]);
            var folded = parts.Length == 1 ? Key(VietnameseFold.Fold(parts[0])) : Key(VietnameseFold.Fold(parts[0]), VietnameseFold.Fold(parts[1]));
            Add(marked, proper ? Proper : Common);
            Add(Folded(folded), proper ? ProperFolded : CommonFolded);
        }
        return entries;
    }
}
