namespace DuLuan.Analysis.Text;

/// <summary>
/// Incremental near-duplicate index: add a document, get the id of its story cluster. LSH banding (default
/// 32 bands of 4 rows: a pair with Jaccard s becomes a candidate with probability 1-(1-s^4)^32, about 50% at
/// s = 0.42 and 97% at s = 0.6) finds candidates; a candidate joins only if its estimated Jaccard reaches the threshold.
/// With <see cref="StoryFacts"/>, two clusters join only when their facts agree (no two different places, provinces,
/// dates or amounts), so one template filled with nine wards stays nine stories; the facts of a cluster are the union
/// of its documents', so a document naming nothing cannot bridge two wards either.
/// Two newsrooms reporting one event in their own words share fewer phrases (Jaccard 0.10-0.37 in the labelled real-news
/// pairs) than one newsroom's reports of two floods (up to 0.38), so words alone cannot tell them apart. A second route
/// therefore joins documents that name the same ward or place on the same date (an anchor), whose facts agree, at a lower
/// Jaccard (<see cref="AnchoredThreshold"/>, default 0.15: a short article about another kind of event on the same street and day shares about 0.1).
/// Not thread-safe; one index per ingest loop.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly MinHasher hasher;
    private readonly int bands;
    private readonly int rows;
    // Per band key: the one document in it (>= 0), or ~i for the list crowded[i] once a second arrives. Nearly every
    // bucket holds one document (32 per document), so a list for each was most of the index's memory.
    private readonly Dictionary<ulong, int> buckets = [];
    private readonly List<List<int>> crowded = [];
    private readonly List<uint[]> signatures = [];
    private readonly List<int> parents = [];
    private readonly List<StoryFacts> factsOfRoot = [];
    private readonly Dictionary<string, List<int>> anchors = new(StringComparer.Ordinal);

    public const double DefaultAnchoredThreshold = 0.15;

    /// <summary>Most anchors (place x date) read from one document: a long list of places says less about one event.</summary>
    private const int MaxAnchors = 16;

    /// <param name="anchoredThreshold">Jaccard for documents naming the same place on the same date; above 1 turns the route off.</param>
    public NearDuplicateIndex(double threshold = 0.4, MinHasher? hasher = null, int bands = 32, double anchoredThreshold = DefaultAnchoredThreshold)
    {
        this.hasher = hasher ?? new MinHasher();
        if (bands <= 0 || this.hasher.HashCount % bands != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), "Bands must divide the signature length.");
        }

        Threshold = threshold;
        AnchoredThreshold = anchoredThreshold;
        this.bands = bands;
        rows = this.hasher.HashCount / bands;
    }

    public double Threshold { get; }

    public double AnchoredThreshold { get; }

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
            if (!buckets.TryGetValue(key, out var slot))
            {
                buckets[key] = id;
                continue;
            }
            if (slot >= 0)
            {
                JoinIfSimilar(id, slot, signature);
                buckets[key] = ~crowded.Count;
                crowded.Add([slot, id]);
                continue;
            }
            var bucket = crowded[~slot];
            foreach (var other in bucket)
            {
                JoinIfSimilar(id, other, signature);
            }
            bucket.Add(id);
        }
        if (AnchoredThreshold <= 1)
        {
            JoinByAnchors(id, signature, facts);
        }
        return Find(id);
    }

    private void JoinIfSimilar(int id, int other, uint[] signature)
    {
        var root = Find(other);
        var own = Find(id);
        if (root != own && MinHasher.Similarity(signature, signatures[other]) >= Threshold
            && StoryFacts.Compatible(factsOfRoot[root], factsOfRoot[own]))
        {
            Union(id, other);
        }
    }

    private void JoinByAnchors(int id, uint[] signature, StoryFacts facts)
    {
        foreach (var key in Anchors(facts))
        {
            if (!anchors.TryGetValue(key, out var list))
            {
                anchors[key] = [id];
                continue;
            }
            foreach (var other in list)
            {
                var root = Find(other);
                var own = Find(id);
                if (root != own && MinHasher.Similarity(signature, signatures[other]) >= AnchoredThreshold
                    && StoryFacts.Compatible(factsOfRoot[root], factsOfRoot[own]))
                {
                    Union(id, other);
                }
            }
            list.Add(id);
        }
    }

    /// <summary>"hoa khanh|5/12": each ward or place the document names, with each date it names.</summary>
    private static IEnumerable<string> Anchors(StoryFacts facts)
    {
        if (facts.Dates.Count == 0)
        {
            yield break;
        }

        var count = 0;
        foreach (var place in facts.Wards.Concat(facts.Places))
        {
            foreach (var date in facts.Dates)
            {
                if (count++ == MaxAnchors)
                {
                    yield break;
                }
                yield return place + "|" + date;
            }
        }
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
