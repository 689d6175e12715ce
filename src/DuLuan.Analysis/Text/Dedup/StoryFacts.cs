namespace DuLuan.Analysis.Text;

/// <summary>
/// What pins an article to one event: the places it names (wards, communes, streets, landmarks), the provinces, the
/// calendar dates and the prices or amounts. Two texts written from one template (flooding in ward A and in ward B,
/// a price notice of 5/12 and one of 20/12) share their wording but not these, so they are different stories.
/// A side that names nothing of a kind says nothing about it. Places conflict when each side names one the other does
/// not (a story told twice names the same places, one version maybe fewer); dates and amounts conflict when the two
/// sets have nothing in common (a follow-up may add a date or figure).
/// Values are folded ("hoa khanh", "5/12", "20130 đồng" as "20130d").
/// </summary>
public sealed class StoryFacts
{
    // Most kinds are empty for most articles, and a story index keeps the facts of two weeks of articles: one shared
    // empty set (declared before None, which uses it; never handed out as mutable) instead of an empty HashSet each.
    private static readonly HashSet<string> Empty = new(StringComparer.Ordinal);

    public static readonly StoryFacts None = new([], [], [], [], []);

    public StoryFacts(IEnumerable<string> places, IEnumerable<string> wards, IEnumerable<string> regions, IEnumerable<string> dates, IEnumerable<string> amounts)
    {
        Places = Set(places);
        Wards = Set(wards);
        Regions = Set(regions);
        Dates = Set(dates);
        Amounts = Set(amounts);
    }

    private static HashSet<string> Set(IEnumerable<string> values)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        return set.Count == 0 ? Empty : set;
    }

    /// <summary>Streets, bridges, markets, roads, landmarks.</summary>
    public IReadOnlySet<string> Places { get; }

    /// <summary>Wards and communes (official names, or any name after "phường"/"xã").</summary>
    public IReadOnlySet<string> Wards { get; }

    /// <summary>Provinces and centrally governed cities.</summary>
    public IReadOnlySet<string> Regions { get; }

    /// <summary>Day and month ("5/12").</summary>
    public IReadOnlySet<string> Dates { get; }

    /// <summary>Prices and amounts with their unit ("20130d", "3,5%").</summary>
    public IReadOnlySet<string> Amounts { get; }

    public bool IsEmpty => Places.Count == 0 && Wards.Count == 0 && Regions.Count == 0 && Dates.Count == 0 && Amounts.Count == 0;

    /// <summary>Facts of a text (title and body together).</summary>
    public static StoryFacts Of(string text) => StoryFactExtractor.Extract(text);

    /// <summary>True unless the two name different places, wards, provinces, dates or amounts.</summary>
    public static bool Compatible(StoryFacts a, StoryFacts b) =>
        !EachHasOther(a.Places, b.Places) && !EachHasOther(a.Wards, b.Wards) && !EachHasOther(a.Regions, b.Regions) && !Clash(a.Dates, b.Dates) && !Clash(a.Amounts, b.Amounts);

    /// <summary>The facts of a story once both sides are in it.</summary>
    public static StoryFacts Merge(StoryFacts a, StoryFacts b)
    {
        if (b.IsEmpty)
        {
            return a;
        }

        if (a.IsEmpty)
        {
            return b;
        }

        return new StoryFacts(a.Places.Concat(b.Places), a.Wards.Concat(b.Wards), a.Regions.Concat(b.Regions), a.Dates.Concat(b.Dates), a.Amounts.Concat(b.Amounts));
    }

    private static bool Clash(IReadOnlySet<string> a, IReadOnlySet<string> b) => a.Count > 0 && b.Count > 0 && !a.Overlaps(b);

    private static bool EachHasOther(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count > 0 && b.Count > 0 && !a.IsSubsetOf(b) && !b.IsSubsetOf(a);

    public override string ToString() =>
        $"places [{string.Join(", ", Places)}] wards [{string.Join(", ", Wards)}] regions [{string.Join(", ", Regions)}] dates [{string.Join(", ", Dates)}] amounts [{string.Join(", ", Amounts)}]";
}
