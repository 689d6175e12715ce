using System.Numerics;
using System.Runtime.InteropServices;

namespace DuLuan.Analysis.Text;

/// <summary>
/// MinHash signatures over shingles of folded syllables. Why MinHash rather than SimHash: rewrites of one story
/// share phrases but not word weights, and MinHash estimates exactly that (Jaccard of phrase sets) with a tunable
/// LSH threshold; SimHash targets near-identical copies and gives no such knob. Each of the 128 hash functions is
/// a*x+b mod 2^32 over a well-mixed 32-bit shingle hash, computed a SIMD vector at a time.
/// </summary>
public sealed class MinHasher
{
    public const int DefaultHashes = 128;
    private readonly uint[] multipliers;
    private readonly uint[] offsets;

    public MinHasher(int hashCount = DefaultHashes, int shingleSize = 2, int seed = 42)
    {
        if (hashCount <= 0 || hashCount % Vector<uint>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hashCount), $"Must be a positive multiple of {Vector<uint>.Count}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        HashCount = hashCount;
        ShingleSize = shingleSize;
        var random = new Random(seed);
        multipliers = new uint[hashCount];
        offsets = new uint[hashCount];
        for (var i = 0; i < hashCount; i++)
        {
            multipliers[i] = (uint)random.Next() | 1u;
            offsets[i] = (uint)random.Next();
        }
    }

    public int HashCount { get; }

    public int ShingleSize { get; }

    public uint[] Signature(string text)
    {
        var signature = new uint[HashCount];
        Signature(text, signature);
        return signature;
    }

    /// <summary>Writes the signature into <paramref name="signature"/>; allocation-free apart from a pooled-free token walk.</summary>
    public void Signature(ReadOnlySpan<char> text, Span<uint> signature)
    {
        signature.Fill(uint.MaxValue);
        Span<uint> window = stackalloc uint[ShingleSize];
        var filled = 0;
        var i = 0;
        var any = false;
        while (i < text.Length)
        {
            var start = i;
            var kind = SyllableTokenizer.Next(text, ref i);
            if (kind is not (TokenKind.Syllable or TokenKind.Number))
            {
                continue;
            }

            window[filled % ShingleSize] = FoldedHash(text[start..i]);
            filled++;
            if (filled < ShingleSize)
            {
                continue;
            }

            var shingle = 0x9E3779B9u;
            for (var k = 0; k < ShingleSize; k++)
            {
                shingle = Mix(shingle ^ window[(filled + k) % ShingleSize]);
            }

            Update(signature, shingle);
            any = true;
        }
        if (!any && filled > 0)
        {
            var shingle = 0x9E3779B9u;
            for (var k = 0; k < filled; k++)
            {
                shingle = Mix(shingle ^ window[k]);
            }

            Update(signature, shingle);
        }
    }

    private void Update(Span<uint> signature, uint shingle)
    {
        var x = new Vector<uint>(shingle);
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(multipliers);
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(offsets);
        var s = MemoryMarshal.Cast<uint, Vector<uint>>(signature);
        for (var v = 0; v < s.Length; v++)
        {
            s[v] = Vector.Min(s[v], a[v] * x + b[v]);
        }
    }

    /// <summary>Share of equal positions: an estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return (double)same / a.Length;
    }

    private static uint FoldedHash(ReadOnlySpan<char> syllable)
    {
        var h = 2166136261u;
        foreach (var c in syllable)
        {
            var f = VietnameseFold.FoldChar(c);
            if (f == '\0')
            {
                continue;
            }

            h = (h ^ f) * 16777619u;
        }
        return Mix(h);
    }

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h;
    }
}
