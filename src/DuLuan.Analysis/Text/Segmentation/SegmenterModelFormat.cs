using System.IO.Compression;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Versioned binary model: gzip of magic, version, training-lexicon words, (version 2) dictionary words, then sparse
/// weights. Version 1 models (no dictionary) still load.
/// </summary>
internal static class SegmenterModelFormat
{
    private const string Magic = "DLSEG";
    private const int Version = 2;

    internal static void Write(Stream stream, float[] weights, IReadOnlyCollection<string> words, IReadOnlyCollection<string> dictionaryWords)
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

        writer.Write(dictionaryWords.Count);
        foreach (var w in dictionaryWords)
        {
            writer.Write(w);
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

    internal static WordSegmenter Read(Stream stream)
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

        var dictionaryWords = new List<string>();
        if (version >= 2)
        {
            var dictionaryCount = reader.ReadInt32();
            for (var k = 0; k < dictionaryCount; k++)
            {
                dictionaryWords.Add(reader.ReadString());
            }
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
}
