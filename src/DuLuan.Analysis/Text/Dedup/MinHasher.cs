using System.Buffers;
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

    /// <summary>Writes the signature into <paramref name="signature"/>; allocation-free (the shingle buffer is pooled).</summary>
    public void Signature(ReadOnlySpan<char> text, Span<uint> signature)
    {
        var shingles = ArrayPool<uint>.Shared.Rent((text.Length / 2) + 2);
        try
        {
            var count = Shingles(text, shingles);
            Update(signature, shingles.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(shingles);
        }
    }

    /// <summary>The text's shingle hashes in order (repeats kept: min is idempotent). Tokens are at least one character apart, so a text of n characters has at most n/2 + 1.</summary>
    private int Shingles(ReadOnlySpan<char> text, Span<uint> shingles)
    {
        Span<uint> window = stackalloc uint[ShingleSize];
        var filled = 0;
        var count = 0;
        var i = 0;
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

            shingles[count++] = shingle;
        }
        if (count == 0 && filled > 0)
        {
            var shingle = 0x9E3779B9u;
            for (var k = 0; k < filled; k++)
            {
                shingle = Mix(shingle ^ window[k]);
            }

            shingles[count++] = shingle;
        }
        return count;
    }

    /// <summary>
    /// Minimum of a*x+b over every shingle x, four vectors of hash functions at a time so their running minimums
    /// stay in registers for the whole pass over the shingles (instead of a load and store per shingle).
    /// </summary>
    private void Update(Span<uint> signature, ReadOnlySpan<uint> shingles)
    {
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(multipliers);
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(offsets);
        var s = MemoryMarshal.Cast<uint, Vector<uint>>(signature);
        var v = 0;
        for (; v + 4 <= s.Length; v += 4)
        {
            var (a0, a1, a2, a3) = (a[v], a[v + 1], a[v + 2], a[v + 3]);
            var (b0, b1, b2, b3) = (b[v], b[v + 1], b[v + 2], b[v + 3]);
            var m0 = new Vector<uint>(uint.MaxValue);
            var (m1, m2, m3) = (m0, m0, m0);
            foreach (var shingle in shingles)
            {
                var x = new Vector<uint>(shingle);
                m0 = Vector.Min(m0, (a0 * x) + b0);
                m1 = Vector.Min(m1, (a1 * x) + b1);
                m2 = Vector.Min(m2, (a2 * x) + b2);
                m3 = Vector.Min(m3, (a3 * x) + b3);
            }
            (s[v], s[v + 1], s[v + 2], s[v + 3]) = (m0, m1, m2, m3);
        }
        for (; v < s.Length; v++)
        {
            var m = new Vector<uint>(uint.MaxValue);
            foreach (var shingle in shingles)
            {
                m = Vector.Min(m, (a[v] * new Vector<uint>(shingle)) + b[v]);
            }
            s[v] = m;
        }
    }

    /// <summary>The first implementation (each shingle updates the whole signature in memory); the tests' oracle.</summary>
    internal void SignatureReference(ReadOnlySpan<char> text, Span<uint> signature)
    {
        signature.Fill(uint.MaxValue);
        var shingles = ArrayPool<uint>.Shared.Rent((text.Length / 2) + 2);
        var count = Shingles(text, shingles);
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(multipliers);
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(offsets);
        var s = MemoryMarshal.Cast<uint, Vector<uint>>(signature);
        foreach (var shingle in shingles.AsSpan(0, count))
        {
            var x = new Vector<uint>(shingle);
            for (var v = 0; v < s.Length; v++)
            {
                s[v] = Vector.Min(s[v], a[v] * x + b[v]);
            }
        }
        ArrayPool<uint>.Shared.Return(shingles);
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
            var f = VietnameseFold.TableEntry(c);
            if (f >= '\uFFFE')
            {
                f = VietnameseFold.FoldChar(c);
            }

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
