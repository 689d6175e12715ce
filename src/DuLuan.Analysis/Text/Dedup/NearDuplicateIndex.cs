using System.Globalization;

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
/// Independent reports rarely write the date ("sáng nay"), so a document whose text names no date is anchored by its
/// publication day (<see cref="StoryFacts.FirstDay"/>, the office's local day), and such a day matches the same day or
/// the day before or after (a flood that lasts into the next day, a report filed after midnight): two reports of one
/// ward published a day apart join, a second flood there a week later does not. Dates written in the text win over the
/// publication day and still match only exactly when both texts write one. Two anchored reports of the same kind of
/// event (<see cref="StoryFacts.Events"/>: both about flooding, both about a fire) join from Jaccard
/// <see cref="SameEventThreshold"/> (0.05): a short item and a long report of one flood share too few phrases for 0.15.
/// Anchors are wards and named places (a street, bridge, road; never a province alone) and amounts (a price notice's
/// new prices).
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
    private readonly List<StoryEvent> events = [];
    // Per anchor "place|day": the documents anchored there, and whether their day is a publication day (not written).
    private readonly Dictionary<string, List<(int Id, bool Published)>> anchors = new(StringComparer.Ordinal);

    public const double DefaultAnchoredThreshold = 0.15;

    /// <summary>
    /// Jaccard for anchored documents that report the same kind of event (<see cref="StoryFacts.Events"/>): a short item
    /// and a long report of one flood in one ward share 0.08-0.09 of their phrases (the demo's), a fire or an older
    /// local flooding there 0.04-0.10, so the kind of event, not the words, tells them apart; the floor keeps texts
    /// that share almost nothing apart.
    /// </summary>
    public const double SameEventThreshold = 0.05;

    /// <summary>Most anchors (place or amount x date) read from one document: a long list of places says less about one event.</summary>
    private const int MaxAnchors = 16;

    /// <summary>
    /// Documents kept per anchor (the latest): a busy ward on a busy day is compared with its last 64 reports, not with
    /// every one, so a flood of articles naming one ward cannot make adding quadratic.
    /// </summary>
    private const int MaxPerAnchor = 64;

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
        events.Add(facts.Events);
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
        var written = facts.Dates.Count > 0;
        if (!written && facts.FirstDay is null)
        {
            return;
        }

        // The text's dates, or else the publication day.
        var days = written ? facts.Dates : (IEnumerable<string>)[DayKey(facts.FirstDay!.Value)];
        var count = 0;
        // Wards and named places (a street, a bridge, a road; never a province alone), and prices or figures: a price
        // notice names no place, its new prices pin it.
        foreach (var place in facts.Wards.Concat(facts.Places).Concat(facts.Amounts))
        {
            foreach (var day in days)
            {
                if (count++ == MaxAnchors)
                {
                    return;
                }
                var key = place + "|" + day;
                JoinAt(key, id, signature, anyDay: true);
                // A publication day is approximate: it also meets the day before and after, written or not.
                foreach (var next in Neighbours(day, facts.FirstDay))
                {
                    JoinAt(place + "|" + next, id, signature, anyDay: !written);
                }
                if (!anchors.TryGetValue(key, out var list))
                {
                    anchors[key] = list = [];
                }
                else if (list.Count == MaxPerAnchor)
                {
                    list.RemoveAt(0);
                }
                list.Add((id, !written));
            }
        }
    }

    /// <summary>Joins the documents anchored at <paramref name="key"/> (only those anchored by publication day unless <paramref name="anyDay"/>).</summary>
    private void JoinAt(string key, int id, uint[] signature, bool anyDay)
    {
        if (!anchors.TryGetValue(key, out var list))
        {
            return;
        }

        foreach (var (other, published) in list)
        {
            if (!anyDay && !published)
            {
                continue;
            }
            var root = Find(other);
            var own = Find(id);
            if (root == own)
            {
                continue;
            }
            var similarity = MinHasher.Similarity(signature, signatures[other]);
            if ((similarity >= AnchoredThreshold || (similarity >= SameEventThreshold && (events[id] & events[other]) != 0))
                && StoryFacts.Compatible(factsOfRoot[root], factsOfRoot[own]))
            {
                Union(id, other);
            }
        }
    }

    /// <summary>"5/12" as the text writes dates (day/month, no year).</summary>
    private static string DayKey(DateOnly day) => day.Day.ToString(CultureInfo.InvariantCulture) + "/" + day.Month.ToString(CultureInfo.InvariantCulture);

    /// <summary>The days before and after "5/12" (in the publication year when known: 1/3 follows 28/2 or 29/2).</summary>
    private static IEnumerable<string> Neighbours(string day, DateOnly? published)
    {
        var slash = day.IndexOf('/', StringComparison.Ordinal);
        var year = published?.Year ?? 2024;
        if (slash < 0 || !int.TryParse(day.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(day.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            return [];
        }

        var date = new DateOnly(year, m, d);
        return [DayKey(date.AddDays(-1)), DayKey(date.AddDays(1))];
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
