using System.IO.Compression;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// The learned span model beside the redaction rules: a structured averaged perceptron that tags each word Outside, or the
/// first or a following word of a private person's name or of a home address (BIO), from <see cref="SpanFeatures"/>, taking
/// the best labels of the whole line (Viterbi over the labels of the two words before each word).
/// Trained only on the development parts of the hand-written set (`bench ... train-redactor`); the shipped weights are
/// embedded as redaction-spans.bin.
/// </summary>
public sealed class SpanTagger
{
    internal const int Labels = 5;
    internal const int Outside = 0;
    internal const int NameFirst = 1;
    internal const int NameInside = 2;
    internal const int HomeFirst = 3;
    internal const int HomeInside = 4;

    /// <summary>Ways a word joins the word before it (<see cref="SpanFeatures.WordInfo.Join"/>).</summary>
    private const int Joins = 3;

    private const string Magic = "DLSPAN";
    private const int FormatVersion = 1;
    private const string ResourceName = "DuLuan.Analysis.Text.Redaction.redaction-spans.bin";

    private static readonly Lazy<SpanTagger?> ShippedModel = new(LoadShipped);

    internal SpanTagger(float[] weights, float nameBias = 0f)
    {
        Weights = weights;
        NameBias = nameBias;
    }

    internal float[] Weights { get; }

    /// <summary>Added to the score of a name's first word when tagging (not while training): recall bought with precision, chosen by cross-validation.</summary>
    internal float NameBias { get; }

    internal SpanTagger WithNameBias(float bias) => new(Weights, bias);

    /// <summary>The embedded model, or null in a build without it (then the rules work alone).</summary>
    public static SpanTagger? Shipped => ShippedModel.Value;

    /// <summary>Spans the model tags in <paramref name="view"/>, as word ranges, given what the rules found (<paramref name="marks"/>).</summary>
    internal List<(int First, int Last, RedactionKind Kind)> Tag(RedactionText view, byte[] marks)
    {
        var spans = new List<(int, int, RedactionKind)>();
        if (view.Words.Count == 0)
        {
            return spans;
        }

        var info = SpanFeatures.Describe(view);
        var labels = new int[info.Length];
        Decode(view, info, marks, NameBias, labels);
        var start = -1;
        for (var i = 0; i <= labels.Length; i++)
        {
            var label = i < labels.Length ? labels[i] : Outside;
            if (start >= 0 && label != Inside(labels[i - 1]))
            {
                spans.Add((start, i - 1, labels[start] == NameFirst ? RedactionKind.PersonName : RedactionKind.Address));
                start = -1;
            }
            if (label is NameFirst or HomeFirst)
            {
                start = i;
            }
        }
        return spans;
    }

    /// <summary>
    /// The best labels of the whole line (Viterbi over the labels of the two words before each word, the order the features
    /// see): deterministic, ties go to the lower label and the earlier path.
    /// </summary>
    internal void Decode(RedactionText view, SpanFeatures.WordInfo[] info, byte[] marks, float nameBias, Span<int> labels)
    {
        const int States = Labels * Labels;
        var n = info.Length;
        Span<int> features = stackalloc int[SpanFeatures.PerWord];
        Span<float> emit = stackalloc float[Labels];
        Span<float> after = stackalloc float[States];
        Span<float> pair = stackalloc float[Joins * States * Labels];
        Span<float> delta = stackalloc float[States];
        Span<float> next = stackalloc float[States];
        var back = new byte[n * States];
        for (var join = 0; join < Joins; join++)
        {
            for (var p = 0; p < Labels; p++)
            {
                for (var q = 0; q < Labels; q++)
                {
                    var at = SpanFeatures.Pair(p, q) * Labels;
                    var joined = join == 0 ? -1 : SpanFeatures.JoinedPair(p, q, join) * Labels;
                    for (var l = 0; l < Labels; l++)
                    {
                        pair[(((join * States) + (q * Labels) + p) * Labels) + l] = Weights[at + l] + (joined < 0 ? 0f : Weights[joined + l]);
                    }
                }
            }
        }

        // State (previous, label); before the line both are Outside.
        delta.Fill(float.NegativeInfinity);
        delta[0] = 0f;
        for (var i = 0; i < n; i++)
        {
            Score(features[..SpanFeatures.Extract(view, info, marks, i, features)], emit);
            emit[NameFirst] += nameBias;
            for (var p = 0; p < Labels; p++)
            {
                var row = after.Slice(p * Labels, Labels);
                Score(features[..SpanFeatures.ExtractAfter(info, marks, i, p, features)], row);
            }
            next.Fill(float.NegativeInfinity);
            for (var p = 0; p < Labels; p++)
            {
                for (var l = 0; l < Labels; l++)
                {
                    if (!Allowed(p, l))
                    {
                        continue;
                    }
                    var local = emit[l] + after[(p * Labels) + l];
                    var best = float.NegativeInfinity;
                    var from = 0;
                    for (var q = 0; q < Labels; q++)
                    {
                        var d = delta[(q * Labels) + p];
                        if (float.IsNegativeInfinity(d))
                        {
                            continue;
                        }
                        var total = d + pair[(((info[i].Join * States) + (q * Labels) + p) * Labels) + l];
                        if (total > best)
                        {
                            best = total;
                            from = q;
                        }
                    }
                    if (!float.IsNegativeInfinity(best))
                    {
                        next[(p * Labels) + l] = best + local;
                        back[(i * States) + (p * Labels) + l] = (byte)from;
                    }
                }
            }
            next.CopyTo(delta);
        }

        var state = 0;
        for (var s = 1; s < States; s++)
        {
            if (delta[s] > delta[state])
            {
                state = s;
            }
        }
        int prev = state / Labels, label = state % Labels;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = label;
            var q = back[(i * States) + (prev * Labels) + label];
            label = prev;
            prev = q;
        }
    }

    private void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            var at = f * Labels;
            for (var l = 0; l < Labels; l++)
            {
                scores[l] += Weights[at + l];
            }
        }
    }

    internal static bool Allowed(int previous, int label) => label switch
    {
        NameInside => previous is NameFirst or NameInside,
        HomeInside => previous is HomeFirst or HomeInside,
        _ => true,
    };

    private static int Inside(int label) => label switch
    {
        NameFirst or NameInside => NameInside,
        HomeFirst or HomeInside => HomeInside,
        _ => -1,
    };

    /// <summary>Writes the model: gzip of magic, format and feature versions, then the non-zero weights, delta-coded, as halves.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(SpanFeatures.Version);
        writer.Write(SpanFeatures.Bits);
        writer.Write(Labels);
        writer.Write(NameBias);
        var kept = new List<int>();
        for (var i = 0; i < Weights.Length; i++)
        {
            if ((float)(Half)Weights[i] != 0f)
            {
                kept.Add(i);
            }
        }
        writer.Write(kept.Count);
        var last = 0;
        foreach (var i in kept)
        {
            writer.Write7BitEncodedInt(i - last);
            writer.Write((Half)Weights[i]);
            last = i;
        }
    }

    public static SpanTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        if (!string.Equals(reader.ReadString(), Magic, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a redaction span model.");
        }

        var format = reader.ReadInt32();
        var features = reader.ReadInt32();
        var bits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        if (format != FormatVersion || features != SpanFeatures.Version || bits != SpanFeatures.Bits || labels != Labels)
        {
            throw new InvalidDataException($"Redaction span model {format}/{features}/{bits}/{labels}; expected {FormatVersion}/{SpanFeatures.Version}/{SpanFeatures.Bits}/{Labels}: regenerate it with `train-redactor`.");
        }

        var nameBias = reader.ReadSingle();
        var weights = new float[SpanFeatures.Size * Labels];
        var count = reader.ReadInt32();
        var at = 0;
        for (var k = 0; k < count; k++)
        {
            at += reader.Read7BitEncodedInt();
            weights[at] = (float)reader.ReadHalf();
        }
        return new SpanTagger(weights, nameBias);
    }

    private static SpanTagger? LoadShipped()
    {
        using var stream = typeof(SpanTagger).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
