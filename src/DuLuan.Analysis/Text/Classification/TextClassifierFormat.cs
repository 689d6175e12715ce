using System.IO.Compression;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>Thrown when a model stream is not a DuLuan classifier or has another format version.</summary>
public sealed class ModelFormatException : IOException
{
    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException()
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public sealed partial class TextClassifier
{
    private const string Magic = "DULUAN-TEXT-CLASSIFIER";
    public const int FormatVersion = 1;

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write((int)Options.Kind);
        w.Write(Options.Bigrams);
        w.Write(Options.Words);
        w.Write(labels.Length);
        foreach (var l in labels)
        {
            w.Write(l);
        }

        w.Write(vocabulary.Count);
        var keys = new ulong[vocabulary.Count];
        foreach (var (key, index) in vocabulary)
        {
            keys[index] = key;
        }

        foreach (var key in keys)
        {
            w.Write(key);
        }

        foreach (var x in idf)
        {
            w.Write(x);
        }

        foreach (var x in bias)
        {
            w.Write(x);
        }

        foreach (var x in weights)
        {
            w.Write(x);
        }
    }

    public static TextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
            if (!string.Equals(r.ReadString(), Magic, StringComparison.Ordinal))
            {
                throw new ModelFormatException("Not a DuLuan text classifier model.");
            }

            var version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new ModelFormatException($"Model format version {version} is not supported (expected {FormatVersion}).");
            }

            var options = new ClassifierOptions { Kind = (ClassifierKind)r.ReadInt32(), Bigrams = r.ReadBoolean(), Words = r.ReadBoolean() };
            var labels = new string[r.ReadInt32()];
            for (var c = 0; c < labels.Length; c++)
            {
                labels[c] = r.ReadString();
            }

            var v = r.ReadInt32();
            var vocabulary = new Dictionary<ulong, int>(v);
            for (var f = 0; f < v; f++)
            {
                vocabulary[r.ReadUInt64()] = f;
            }

            var idf = ReadFloats(r, v);
            var bias = ReadFloats(r, labels.Length);
            var weights = ReadFloats(r, labels.Length * v);
            return new TextClassifier(options, labels, vocabulary, idf, weights, bias);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or (IOException and not ModelFormatException) or ArgumentException or OverflowException)
        {
            throw new ModelFormatException("The model file is damaged or not a DuLuan classifier model.", e);
        }
    }

    private static float[] ReadFloats(BinaryReader r, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = r.ReadSingle();
        }

        return values;
    }
}
