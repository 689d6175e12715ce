namespace DuLuan.Analysis.Text;

/// <summary>Kinds of event a text reports, from a short list of words ("ngập", "cháy", "tai nạn" …); a text may name several.</summary>
[Flags]
public enum StoryEvent
{
    None = 0,
    Flood = 1,
    Fire = 2,
    Accident = 4,
    Landslide = 8,
    Storm = 16,
    PowerCut = 32,
    WaterCut = 64,
    FuelPrice = 128,
}

/// <summary>
/// What pins an article to one event: the places it names (wards, communes, streets, landmarks), the provinces, the
/// calendar dates and the prices or amounts. Two texts written from one template (flooding in ward A and in ward B,
/// a price notice of 5/12 and one of 20/12) share their wording but not these, so they are different stories.
/// A side that names nothing of a kind says nothing about it. Places conflict when each side names one the other does
/// not (a story told twice names the same places, one version maybe fewer); dates and amounts conflict when the two
/// sets have nothing in common (a follow-up may add a date or figure).
/// Values are folded ("hoa khanh", "5/12", "20130 đồng" as "20130d").
/// The publication days (office local dates, given by the caller) are the last fact: a story's documents span
/// <see cref="FirstDay"/>..<see cref="LastDay"/>, and two stories whose spans are more than <see cref="MaxDayGap"/> days
/// apart are different events however alike their words (one newsroom's house style for a second flood in the same
/// ward a week later). <see cref="NearDuplicateIndex"/> also lets the publication day stand for the date of a text
/// that writes none.
/// </summary>
public sealed class StoryFacts
{
    // Most kinds are empty for most articles, and a story index keeps the facts of two weeks of articles: one shared
    // empty set (declared before None, which uses it; never handed out as mutable) instead of an empty HashSet each.
    private static readonly HashSet<string> Empty = new(StringComparer.Ordinal);

    public static readonly StoryFacts None = new([], [], [], [], []);

    /// <summary>Stories whose publication days are further apart than this are different events (the product's story gap is 3 days).</summary>
    public const int MaxDayGap = 3;

    public StoryFacts(IEnumerable<string> places, IEnumerable<string> wards, IEnumerable<string> regions, IEnumerable<string> dates, IEnumerable<string> amounts, DateOnly? published = null, StoryEvent events = StoryEvent.None)
        : this(places, wards, regions, dates, amounts, published, published, events)
    {
    }

    private StoryFacts(IEnumerable<string> places, IEnumerable<string> wards, IEnumerable<string> regions, IEnumerable<string> dates, IEnumerable<string> amounts, DateOnly? firstDay, DateOnly? lastDay, StoryEvent events)
    {
        Events = events;
        FirstDay = firstDay;
        LastDay = lastDay;
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

    /// <summary>
    /// The office local day the document was published (for one document; for a story, its earliest), or null when
    /// unknown. It stands for the document's date when the text names none (<see cref="Dates"/> empty); a date written
    /// in the text wins.
    /// </summary>
    public DateOnly? FirstDay { get; }

    /// <summary>The latest publication day of the story's documents (the same as <see cref="FirstDay"/> for one document).</summary>
    public DateOnly? LastDay { get; }

    /// <summary>
    /// The kinds of event the text reports. Not a clash when they differ (a flood report may mention a landslide); two
    /// reports anchored to one place and day that report the same kind join at a lower Jaccard (<see cref="NearDuplicateIndex"/>).
    /// </summary>
    public StoryEvent Events { get; }

    public bool IsEmpty => Places.Count == 0 && Wards.Count == 0 && Regions.Count == 0 && Dates.Count == 0 && Amounts.Count == 0 && FirstDay is null && Events == StoryEvent.None;

    /// <summary>Facts of a text (title and body together).</summary>
    public static StoryFacts Of(string text) => StoryFactExtractor.Extract(text);

    /// <summary>Facts of a text published on <paramref name="published"/> (the office's local day).</summary>
    public static StoryFacts Of(string text, DateOnly? published)
    {
        var facts = StoryFactExtractor.Extract(text);
        return published is null ? facts : facts.On(published);
    }

    /// <summary>The same facts with a publication day.</summary>
    public StoryFacts On(DateOnly? published) =>
        IsEmpty && published is null ? None : new StoryFacts(Places, Wards, Regions, Dates, Amounts, published, published, Events);

    /// <summary>True unless the two name different places, wards, provinces, dates or amounts, or were published too far apart.</summary>
    public static bool Compatible(StoryFacts a, StoryFacts b) =>
        !EachHasOther(a.Places, b.Places) && !EachHasOther(a.Wards, b.Wards) && !EachHasOther(a.Regions, b.Regions) && !Clash(a.Dates, b.Dates) && !Clash(a.Amounts, b.Amounts)
        && !DaysApart(a, b);

    /// <summary>More than <see cref="MaxDayGap"/> days between the two spans of publication days (unknown days never clash).</summary>
    private static bool DaysApart(StoryFacts a, StoryFacts b) =>
        a.FirstDay is { } aFirst && a.LastDay is { } aLast && b.FirstDay is { } bFirst && b.LastDay is { } bLast
        && (bFirst.DayNumber - aLast.DayNumber > MaxDayGap || aFirst.DayNumber - bLast.DayNumber > MaxDayGap);

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

        return new StoryFacts(a.Places.Concat(b.Places), a.Wards.Concat(b.Wards), a.Regions.Concat(b.Regions), a.Dates.Concat(b.Dates), a.Amounts.Concat(b.Amounts),
            Min(a.FirstDay, b.FirstDay), Max(a.LastDay, b.LastDay), a.Events | b.Events);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static bool Clash(IReadOnlySet<string> a, IReadOnlySet<string> b) => a.Count > 0 && b.Count > 0 && !a.Overlaps(b);

    private static bool EachHasOther(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count > 0 && b.Count > 0 && !a.IsSubsetOf(b) && !b.IsSubsetOf(a);

    public override string ToString() =>
        $"places [{string.Join(", ", Places)}] wards [{string.Join(", ", Wards)}] regions [{string.Join(", ", Regions)}] dates [{string.Join(", ", Dates)}] amounts [{string.Join(", ", Amounts)}]" + (FirstDay is null ? "" : $" published {Day(FirstDay)}..{Day(LastDay)}");

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
