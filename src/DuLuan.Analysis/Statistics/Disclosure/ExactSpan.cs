using System.Numerics;

namespace DuLuan.Analysis.Statistics.Disclosure;

/// <summary>
/// The span of integer vectors, kept in echelon form with exact integer arithmetic (fraction-free
/// elimination, each row divided by the gcd of its entries), so "is this vector a linear combination of
/// those" is answered exactly, never up to a rounding tolerance. Entries start in 64-bit integers and move
/// to <see cref="BigInteger"/> if a row ever overflows.
/// </summary>
public sealed class ExactSpan
{
    private readonly int dimension;
    private Echelon<long>? small;
    private Echelon<BigInteger>? big;
    private readonly List<long[]> added = [];

    public ExactSpan(int dimension)
    {
        this.dimension = dimension;
        small = new Echelon<long>(dimension);
    }

    /// <summary>The rank of the vectors added so far.</summary>
    public int Rank => small?.Rank ?? big!.Rank;

    public void Add(long[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        added.Add(vector);
        if (small is not null)
        {
            try
            {
                small.Add(vector);
                return;
            }
            catch (OverflowException)
            {
                Promote();
                return;
            }
        }

        big!.Add([.. vector.Select(v => (BigInteger)v)]);
    }

    /// <summary>Whether <paramref name="vector"/> is a linear combination (rational coefficients) of the vectors added.</summary>
    public bool Contains(long[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (small is not null)
        {
            try
            {
                return small.Contains(vector);
            }
            catch (OverflowException)
            {
                Promote();
            }
        }

        return big!.Contains([.. vector.Select(v => (BigInteger)v)]);
    }

    private void Promote()
    {
        small = null;
        big = new Echelon<BigInteger>(dimension);
        foreach (var v in added)
        {
            big.Add([.. v.Select(x => (BigInteger)x)]);
        }
    }

    private sealed class Echelon<T>(int dimension)
        where T : IBinaryInteger<T>
    {
        private readonly List<(int Pivot, T[] Row)> rows = [];

        public int Rank => rows.Count;

        public void Add(T[] vector)
        {
            if (vector.Length != dimension)
            {
                throw new ArgumentException($"Expected {dimension} entries, got {vector.Length}.", nameof(vector));
            }

            var v = Reduce(vector);
            var pivot = Array.FindIndex(v, x => !T.IsZero(x));
            if (pivot >= 0)
            {
                rows.Add((pivot, v));
            }
        }

        public bool Contains(T[] vector) => Array.TrueForAll(Reduce(vector), T.IsZero);

        /// <summary>v minus its components along the rows; rows have zeros at the pivots of earlier rows.</summary>
        private T[] Reduce(T[] vector)
        {
            var v = (T[])vector.Clone();
            foreach (var (pivot, row) in rows)
            {
                var a = v[pivot];
                if (T.IsZero(a))
                {
                    continue;
                }

                var b = row[pivot];
                var g = T.Abs(Gcd(a, b));
                var (ma, mb) = (b / g, a / g);
                for (var i = 0; i < v.Length; i++)
                {
                    v[i] = checked((v[i] * ma) - (row[i] * mb));
                }

                Normalize(v);
            }

            return v;
        }

        private static void Normalize(T[] v)
        {
            var g = T.Zero;
            foreach (var x in v)
            {
                g = Gcd(g, x);
                if (g == T.One)
                {
                    return;
                }
            }

            if (!T.IsZero(g))
            {
                for (var i = 0; i < v.Length; i++)
                {
                    v[i] /= g;
                }
            }
        }

        private static T Gcd(T a, T b)
        {
            a = T.Abs(a);
            b = T.Abs(b);
            while (!T.IsZero(b))
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }
}
