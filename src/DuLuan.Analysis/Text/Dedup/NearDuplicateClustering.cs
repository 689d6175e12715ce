namespace DuLuan.Analysis.Text;

/// <summary>
/// Batch near-duplicate grouping: signatures in parallel, then per band a sort of (band key, document) pairs so
/// equal keys sit together; candidates in a bucket are verified against the bucket's first member and united.
/// Memory: HashCount*4 bytes per document plus one 12-byte pair per document per band at a time.
/// </summary>
public static class NearDuplicateClustering
{
    public static int[] Cluster(IReadOnlyList<string> texts, double threshold = 0.4, MinHasher? hasher = null, int bands = 32)
    {
        ArgumentNullException.ThrowIfNull(texts);
        hasher ??= new MinHasher();
        var signatures = new uint[texts.Count][];
        Parallel.For(0, texts.Count, i => signatures[i] = hasher.Signature(texts[i]));
        return Cluster(signatures, threshold, bands);
    }

    public static int[] Cluster(uint[][] signatures, double threshold, int bands)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var n = signatures.Length;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        if (n == 0)
        {
            return parent;
        }

        var rows = signatures[0].Length / bands;
        var keys = new ulong[n];
        var order = new int[n];
        for (var band = 0; band < bands; band++)
        {
            Parallel.For(0, n, i => keys[i] = NearDuplicateIndex.BandKey(signatures[i], band, rows));
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort((ulong[])keys.Clone(), order);
            var start = 0;
            for (var k = 1; k <= n; k++)
            {
                if (k < n && keys[order[k]] == keys[order[start]])
                {
                    continue;
                }

                for (var m = start + 1; m < k; m++)
                {
                    TryUnion(parent, signatures, order[start], order[m], threshold);
                }

                start = k;
            }
        }
        for (var i = 0; i < n; i++)
        {
            parent[i] = Find(parent, i);
        }

        return parent;
    }

    private static void TryUnion(int[] parent, uint[][] signatures, int a, int b, double threshold)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb || MinHasher.Similarity(signatures[a], signatures[b]) < threshold)
        {
            return;
        }

        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else
        {
            parent[ra] = rb;
        }
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
