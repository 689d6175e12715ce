using System.IO.Compression;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Versioned binary model: gzip of magic, version, training-lexicon words, the dictionary, then sparse weights.
/// Version 1 has no dictionary, version 2 holds its words; version 3 says how it is held: none, inline words, or a
/// reference (entry count and fingerprint) to a word list the caller supplies at load, as the shipped model does with
/// Viet74K, which the build fetches from npm (no copy of the list in the repository).
/// </summary>
internal static class SegmenterModelFormat
{
    private const string Magic = "DLSEG";
    private const int Version = 3;
    private const byte NoDictionary = 0;
    private const byte InlineDictionary = 1;
    private const byte ReferencedDictionary = 2;

    internal static void Write(Stream stream, float[] weights, IReadOnlyCollection<string> words, IReadOnlyCollection<string> dictionaryWords, bool dictionaryByReference = false)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(words.Count);
        foreach (var w in words)
        {
            writer.Write(w);
        }

        var kind = dictionaryWords.Count == 0 ? NoDictionary : dictionaryByReference ? ReferencedDictionary : InlineDictionary;
        writer.Write(kind);
        if (kind == ReferencedDictionary)
        {
            writer.Write(dictionaryWords.Count);
            writer.Write(Fingerprint(dictionaryWords));
        }
        else if (kind == InlineDictionary)
        {
            writer.Write(dictionaryWords.Count);
            foreach (var w in dictionaryWords)
            {
                writer.Write(w);
            }
        }

        var nonZero = weights.Count(w => MathF.Abs(w) > 1e-4f);
        writer.Write(nonZero);
        var previous = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (MathF.Abs(weights[i]) <= 1e-4f)
            {
                continue;
            }

            writer.Write7BitEncodedInt(i - previous);
            writer.Write((Half)weights[i]);
            previous = i;
        }
    }

    /// <param name="referencedDictionary">Supplies the model entries of the word list a version 3 model references
    /// (checked against the entry count and fingerprint saved with the weights); not called for other models.</param>
    internal static WordSegmenter Read(Stream stream, Func<IReadOnlyCollection<string>>? referencedDictionary = null)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        if (!string.Equals(reader.ReadString(), Magic, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a segmenter model.");
        }

        var version = reader.ReadInt32();
        if (version is < 1 or > Version)
        {
            throw new InvalidDataException($"Segmenter model version {version}; expected {Version}.");
        }

        var lexicon = new Lexicon();
        var count = reader.ReadInt32();
        for (var k = 0; k < count; k++)
        {
            lexicon.AddWord(reader.ReadString());
        }

        IReadOnlyCollection<string> dictionaryWords = [];
        var kind = version switch { 1 => NoDictionary, 2 => InlineDictionary, _ => reader.ReadByte() };
        if (kind == InlineDictionary)
        {
            var inline = new List<string>();
            var dictionaryCount = reader.ReadInt32();
            for (var k = 0; k < dictionaryCount; k++)
            {
                inline.Add(reader.ReadString());
            }
            dictionaryWords = inline;
        }
        else if (kind == ReferencedDictionary)
        {
            var dictionaryCount = reader.ReadInt32();
            var fingerprint = reader.ReadUInt64();
            dictionaryWords = referencedDictionary?.Invoke()
                ?? throw new InvalidDataException("The segmenter model references a dictionary that was not supplied.");
            if (dictionaryWords.Count != dictionaryCount || Fingerprint(dictionaryWords) != fingerprint)
            {
                throw new InvalidDataException($"The supplied dictionary ({dictionaryWords.Count} entries) is not the one the model was trained with ({dictionaryCount} entries).");
            }
        }
        else if (kind != NoDictionary)
        {
            throw new InvalidDataException($"Unknown dictionary kind {kind}.");
        }

        var weights = new float[SegmenterFeatures.Size];
        var nonZero = reader.ReadInt32();
        var index = 0;
        for (var k = 0; k < nonZero; k++)
        {
            index += reader.Read7BitEncodedInt();
            weights[index] = (float)reader.ReadHalf();
        }
        return new WordSegmenter(weights, lexicon, dictionaryWords);
    }

    /// <summary>FNV-1a over the entries in ordinal order, so the same list gives the same fingerprint however it is held.</summary>
    internal static ulong Fingerprint(IEnumerable<string> entries)
    {
        var hash = 14695981039346656037UL;
        foreach (var entry in entries.Order(StringComparer.Ordinal))
        {
            foreach (var c in entry)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ '\n') * 1099511628211UL;
        }
        return hash;
    }
}
