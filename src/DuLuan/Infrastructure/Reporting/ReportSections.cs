using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// A capability's part of the periodic report: its figures, tables and charts for a unit's subtree over a period and
/// the period before, and the records behind each of them. Each capability registers its own (scoped) in its
/// Add… services method; Reports iterates them in the order of <see cref="ReportKeys.Sections.All"/> and knows none of them.
/// </summary>
public interface IReportSection
{
    /// <summary>One of <see cref="ReportKeys.Sections"/>.</summary>
    string Key { get; }

    Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct);

    /// <summary>The records behind a figure or a table row of this section ("key" or "key:value"); null when the key is not one of its own or names a row that cannot exist.</summary>
    DrillList? Drill(string prefix, ReportWindow w, DrillKey k);

    /// <summary>The page of a drill-down row of a kind this section lists ("case", "post"…); null for other kinds.</summary>
    string? Link(DrillRow row);
}

/// <summary>
/// Records a capability counts in the dashboard's monthly sums (<c>report_month_sums</c>): which entity changes
/// count and what each record adds, a full count for the rebuild, and the same counts over a window from the records
/// (for the current month, or while the sums are rebuilt). Singletons: the sums interceptor uses them on every save.
/// </summary>
public interface IMonthlySumSource
{
    /// <summary>The measures this source keeps ("cases.received"…), unique across sources.</summary>
    IReadOnlyList<string> Measures { get; }

    /// <summary>
    /// The measures whose records may lie after now (a deadline): "due" counts only what has fallen due, so their
    /// current month is counted from the records. Every other measure's current month is read from the sums, which
    /// already hold exactly the records of the month so far.
    /// </summary>
    IReadOnlyList<string> CappedByNow => [];

    /// <summary>
    /// For a measure of <see cref="CappedByNow"/>, the measure its records are also kept under per local day (the key's
    /// month is then the day): the current month's days before today are read from those, and only today is counted from
    /// the records. Not listed in <see cref="Measures"/> (the monthly reads never see them).
    /// </summary>
    IReadOnlyDictionary<string, string> DailyOfCapped => new Dictionary<string, string>();

    /// <summary>Whether a save of <paramref name="entity"/> changes the sums.</summary>
    bool Counts(object entity);

    /// <summary>The counters one record's values add (its original values are taken away when it changes).</summary>
    IEnumerable<SumKey> Keys(object entity, Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues v, TimeZoneInfo zone);

    /// <summary>Adds every record's counters, for a rebuild.</summary>
    Task AddAllAsync(AppDbContext db, TimeZoneInfo zone, Dictionary<SumKey, long> sums, CancellationToken ct);

    /// <summary>Adds the subtree's counts of <paramref name="measures"/> (some of <see cref="Measures"/>) over window <paramref name="w"/> straight from the records, by the same rules as <see cref="Keys"/>.</summary>
    Task CountAsync(AppDbContext db, string prefix, ReportWindow w, IReadOnlyCollection<string> measures, SumTally tally, CancellationToken ct);
}

/// <summary>What a section computes from: the unit, both windows, the summed measures of each, and the drill-down link of a key.</summary>
public sealed record ReportSectionContext(Unit Unit, ReportWindow Current, ReportWindow Previous, SumTally Now, SumTally Before, Func<string, string> DrillUrl)
{
    public string Prefix => Unit.Path;

    public string Drill(string key) => DrillUrl(key);

    public Figure Count(string key, string label, long value, long previous)
        => new(key, label, value, previous, FigureKind.Count, Drill(key));

    public static string ThisPeriod => ReportWords.Of("Reports.Section.ThisPeriod");

    public static string PreviousPeriod => ReportWords.Of("Reports.Section.PreviousPeriod");

    public static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

/// <summary>A drill-down key split at its first colon: "concerns.by_agency:12" is head "concerns.by_agency", argument "12".</summary>
public sealed record DrillKey(string Key, string Head, string? Arg)
{
    public static DrillKey Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new(key, key, null) : new(key, key[..colon], key[(colon + 1)..]);
    }
}

/// <summary>A unit's subtree as a join on a path prefix, never a list of ids.</summary>
public static class ReportSubtree
{
    public static IQueryable<Unit> Of(AppDbContext db, string prefix) => db.Units.AsNoTracking().Where(u => u.Path.StartsWith(prefix));
}
