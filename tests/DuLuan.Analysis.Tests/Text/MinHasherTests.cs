using System.Numerics;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>The blocked signature (minimums kept in registers) equals the first implementation's, bit for bit: stored signatures stay comparable.</summary>
public class MinHasherTests
{
    public static TheoryData<int, int> Shapes() => new()
    {
        { MinHasher.DefaultHashes, 2 },
        { MinHasher.DefaultHashes, 1 },
        { Vector<uint>.Count * 3, 3 },
        { Vector<uint>.Count, 2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Signature_equals_the_reference_on_the_corpus_and_hostile_text(int hashes, int shingle)
    {
        var hasher = new MinHasher(hashes, shingle);
        var texts = OnePassNormalizerTests.CorpusLines().Take(3000).ToList();
        texts.Add(string.Join(' ', texts.Take(200)));
        texts.AddRange(["", " ", "một", "a\uD800b", "🙂 🙂", "12 000 đồng", "\u0301\u0301", new string('x', 10_000), string.Concat(Enumerable.Repeat("a ", 5000))]);
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            texts.Add(new string(Enumerable.Range(0, random.Next(40)).Select(_ => (char)random.Next(0, 0x2000)).ToArray()));
        }

        var fast = new uint[hashes];
        var reference = new uint[hashes];
        foreach (var text in texts)
        {
            hasher.Signature(text, fast);
            hasher.SignatureReference(text, reference);
            Assert.Equal(reference, fast);
        }
    }
}
