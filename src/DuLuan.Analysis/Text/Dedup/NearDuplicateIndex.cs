namespace DuLuan.Analysis.Text;

/// <summary>
/// Incremental near-duplicate index: add a document, get the id of its story cluster. LSH banding (default
/// 32 bands of 4 rows: a pair with Jaccard s becomes a candidate with probability 1-(1-s^4)^32, about 50% at
/// s = 0.42 and 97% at s = 0.6) finds candidates; a candidate joins only if its estimated Jaccard reaches the threshold.
/// With <see cref="StoryFacts"/>, two clusters join only when their facts agree (no two different places, provinces,
/// dates or amounts), so one template filled with nine wards stays nine stories; the facts of a cluster are the union
/// of its documents', so a document naming nothing cannot bridge two wards either.
/// Not thread-safe; one index per ingest loop.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly MinHasher hasher;
    private readonly int bands;
    private readonly int rows;
    private readonly Dictionary<ulong, List<int>> buckets = [];
    private readonly List<uint[]> signatures = [];
    private readonly List<int> parents = [];
    private readonly List<StoryFacts> factsOfRoot = [];

    public NearDuplicateIndex(double threshold = 0.4, MinHasher? hasher = null, int bands = 32)
    {
        this.hasher = hasher ?? new MinHasher();
        if (bands <= 0 || this.hasher.HashCount % bands != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), "Bands must divide the signature length.");
        }

        Threshold = threshold;
        this.bands = bands;
        rows = this.hasher.HashCount / bands;
    }

    public double Threshold { get; }

    public int Count => signatures.Count;

    /// <summary>Adds a document and returns its cluster id (the index of the first document of the story).</summary>
    public int Add(string text) => Add(hasher.Signature(text));

    /// <summary>Adds a document with the facts that pin its event (see <see cref="StoryFacts.Of"/>).</summary>
    public int Add(string text, StoryFacts facts) => Add(hasher.Signature(text), facts);

    public int Add(uint[] signature) => Add(signature, StoryFacts.None);

    public int Add(uint[] signature, StoryFacts facts)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(facts);
        var id = signatures.Count;
        signatures.Add(signature);
        parents.Add(id);
        factsOfRoot.Add(facts);
        for (var band = 0; band < bands; band++)
        {
            var key = BandKey(signature, band, rows);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = [id];
                continue;
            }
            foreach (var other in bucket)
            {
                var root = Find(other);
                var own = Find(id);
                if (root != own && MinHasher.Similarity(signature, signatures[other]) >= Threshold
                    && StoryFacts.Compatible(factsOfRoot[root], factsOfRoot[own]))
                {
                    Union(id, other);
                }
            }
            bucket.Add(id);
        }
        return Find(id);
    }

    /// <summary>Current cluster of a document added earlier (clusters can merge when a bridging document arrives).</summary>
    public int ClusterOf(int document) => Find(document);

    internal static ulong BandKey(ReadOnlySpan<uint> signature, int band, int rows)
    {
        var h = 1469598103934665603UL ^ (ulong)band;
        foreach (var v in signature.Slice(band * rows, rows))
        {
            h = (h ^ v) * 1099511628211UL;
        }

        return h;
    }

    private int Find(int x)
    {
        while (parents[x] != x)
        {
            parents[x] = parents[parents[x]];
            x = parents[x];
        }
        return x;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        var merged = StoryFacts.Merge(factsOfRoot[ra], factsOfRoot[rb]);
        if (ra < rb)
        {
            parents[rb] = ra;
            factsOfRoot[ra] = merged;
        }
        else
        {
            parents[ra] = rb;
            factsOfRoot[rb] = merged;
        }
    }
}
