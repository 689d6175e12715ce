using System.Buffers;
using System.Text;

namespace DuLuan.Analysis.Text;

/// <summary>
/// Vietnamese word segmentation as a join/split decision on each gap between syllables, scored by an
/// averaged perceptron over hashed n-gram, letter-case and lexicon features (see docs/text-core.md).
/// The default model ships inside the assembly; it is derived from UD Vietnamese-VTB (CC BY-SA 4.0).
/// </summary>
public sealed class WordSegmenter
{
    private const string ResourceName = "DuLuan.Analysis.Text.Segmentation.vi-segmenter.bin";
    private static readonly Lazy<WordSegmenter> DefaultInstance = new(LoadDefault);
    private readonly float[] weights;
    internal Lexicon Lexicon { get; }

    /// <summary>The external dictionary (Viet74K) used as features, or null for a model trained without one.</summary>
    internal Lexicon? Dictionary { get; }

    /// <summary>The dictionary entries the model keeps (saved with it); empty without a dictionary.</summary>
    internal IReadOnlyCollection<string> DictionaryWords { get; }

    internal WordSegmenter(float[] weights, Lexicon lexicon, IReadOnlyCollection<string>? dictionaryWords = null, Lexicon? dictionary = null)
    {
        this.weights = weights;
        Lexicon = lexicon;
        DictionaryWords = dictionaryWords ?? [];
        Dictionary = DictionaryWords.Count == 0 ? null : dictionary ?? DictionaryMatches.Build(DictionaryWords);
    }

    public static WordSegmenter Default => DefaultInstance.Value;

    private static WordSegmenter LoadDefault()
    {
        using var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        return SegmenterModelFormat.Read(stream, Viet74K.ModelEntries);
    }

    public List<Word> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SyllableTokenizer.Tokenize(text);
        var words = new List<Word>(tokens.Count);
        Segment(text, tokens, words);
        return words;
    }

    /// <summary>Groups already tokenised <paramref name="tokens"/> into <paramref name="words"/> (appended).</summary>
    public void Segment(ReadOnlySpan<char> text, List<Token> tokens, List<Word> words)
    {
        var n = tokens.Count;
        if (n == 0)
        {
            return;
        }

        var hashes = ArrayPool<ulong>.Shared.Rent(n);
        var shapes = ArrayPool<byte>.Shared.Rent(n);
        var matches = ArrayPool<byte>.Shared.Rent(n * DictionaryMatches.Stride);
        Span<int> features = stackalloc int[SegmenterFeatures.PerGap];
        try
        {
            Describe(text, tokens, hashes, shapes);
            var dictionary = DescribeDictionary(hashes.AsSpan(0, n), matches);
            var start = 0;
            for (var i = 0; i < n; i++)
            {
                var join = i + 1 < n && CanJoin(text, tokens[i], tokens[i + 1])
                    && Score(hashes.AsSpan(0, n), shapes.AsSpan(0, n), dictionary, i, features) > 0;
                if (join)
                {
                    continue;
                }

                var first = tokens[start];
                var kind = i == start ? first.Kind : TokenKind.Syllable;
                words.Add(new Word(first.Start, tokens[i].End - first.Start, start, i - start + 1, kind));
                start = i + 1;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<byte>.Shared.Return(shapes);
            ArrayPool<byte>.Shared.Return(matches);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> with the dictionary matches of the sentence; empty without a dictionary.</summary>
    internal ReadOnlySpan<byte> DescribeDictionary(ReadOnlySpan<ulong> hashes, byte[] buffer)
    {
        if (Dictionary is null)
        {
            return [];
        }

        DictionaryMatches.Describe(hashes, Dictionary, buffer);
        return buffer.AsSpan(0, hashes.Length * DictionaryMatches.Stride);
    }

    /// <summary>One line out: words separated by spaces, syllables inside a word joined by '_' ("mạng_xã_hội").</summary>
    public string SegmentToText(string text)
    {
        var tokens = SyllableTokenizer.Tokenize(text);
        var words = new List<Word>(tokens.Count);
        Segment(text, tokens, words);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            for (var t = word.FirstToken; t < word.FirstToken + word.TokenCount; t++)
            {
                if (t > word.FirstToken)
                {
                    sb.Append('_');
                }

                sb.Append(text.AsSpan(tokens[t].Start, tokens[t].Length));
            }
        }
        return sb.ToString();
    }

    internal static void Describe(ReadOnlySpan<char> text, List<Token> tokens, Span<ulong> hashes, Span<byte> shapes)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var span = text.Slice(tokens[k].Start, tokens[k].Length);
            hashes[k] = SegmenterFeatures.HashSyllable(span);
            shapes[k] = SegmenterFeatures.Shape(span, tokens[k].Kind);
        }
    }

    internal static bool CanJoin(ReadOnlySpan<char> text, Token left, Token right) =>
        left.Kind == TokenKind.Syllable && right.Kind == TokenKind.Syllable && right.Start > left.End
        && text[left.End] == ' ' && right.Start - left.End == 1;

    /// <summary>Sums the weights of the gap's features; the indexes used are left in the first <c>count</c> slots of <paramref name="features"/>.</summary>
    internal float Score(ReadOnlySpan<ulong> hashes, ReadOnlySpan<byte> shapes, ReadOnlySpan<byte> dictionary, int i, Span<int> features) =>
        Score(hashes, shapes, dictionary, i, features, out _);

    internal float Score(ReadOnlySpan<ulong> hashes, ReadOnlySpan<byte> shapes, ReadOnlySpan<byte> dictionary, int i, Span<int> features, out int count)
    {
        count = SegmenterFeatures.Extract(hashes, shapes, dictionary, i, Lexicon, features);
        var sum = 0f;
        foreach (var f in features[..count])
        {
            sum += weights[f];
        }

        return sum;
    }

    internal float[] Weights => weights;
}
