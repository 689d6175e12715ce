using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DuLuan.Features.Concerns;

/// <summary>
/// What cases and concerns add to the monthly sums: cases received, answered (with the answer time in tenths of a day,
/// for the median), due and answered on time, by agency, by severity and by category; concerns received by source. The same
/// predicates as <see cref="ConcernsReportQueries"/>.
/// </summary>
public sealed class ConcernsReportSums : IMonthlySumSource
{
    public const string CasesReceived = "cases.received";
    public const string CasesAnswered = "cases.answered";
    public const string CasesDue = "cases.due";
    public const string CasesOnTime = "cases.on_time";

    /// <summary>Due and on time again per local day of the deadline (the key's month is the day): the current month up to today.</summary>
    public const string CasesDueDaily = "cases.due.daily";
    public const string CasesOnTimeDaily = "cases.on_time.daily";

    /// <summary>Cases answered in the month by their answer time in tenths of a day (for the median).</summary>
    public const string CasesAnswerTenths = "cases.answer_tenths";
    public const string ConcernsReceived = "concerns.received";

    public IReadOnlyList<string> Measures { get; } = [CasesReceived, CasesAnswered, CasesDue, CasesOnTime, CasesAnswerTenths, ConcernsReceived];

    /// <summary>A case counts as due only once its deadline has passed (<see cref="ConcernsReportQueries.CasesDue"/>).</summary>
    public IReadOnlyList<string> CappedByNow { get; } = [CasesDue, CasesOnTime];

    public IReadOnlyDictionary<string, string> DailyOfCapped { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { [CasesDue] = CasesDueDaily, [CasesOnTime] = CasesOnTimeDaily };

    public static string Agency(long? agencyId) => "agency:" + (agencyId ?? 0).ToString(CultureInfo.InvariantCulture);

    public static string Severity(Severity severity) => "severity:" + severity.ToString();

    /// <summary>The case's category key ("none" without one): keys are slugs, so the dimension stays short.</summary>
    public static string Category(string? key) => "category:" + (key ?? "none");

    public static string Source(ConcernSource source) => "source:" + source.ToString();

    public static string Tenths(long tenths) => "tenths:" + tenths.ToString(CultureInfo.InvariantCulture);

    /// <summary>A case's answer time in tenths of a day, rounded: the median is taken over these.</summary>
    public static long AnswerTenths(DateTime createdAt, DateTime answeredAt)
        => (long)Math.Round((answeredAt - createdAt).TotalDays * 10, MidpointRounding.AwayFromZero);

    public sealed record CaseFacts(long UnitId, long? AgencyId, Severity Severity, CaseStatus Status, DateTime CreatedAt, DateTime? DueAt, DateTime? AnsweredAt, string? Category = null);

    public sealed record ConcernFacts(long UnitId, ConcernSource Source, ConcernStatus Status, DateTime ReceivedAt);

    public bool Counts(object entity) => entity is Case or Concern;

    public IEnumerable<SumKey> Keys(object entity, PropertyValues v, TimeZoneInfo zone) => entity switch
    {
        Case => Of(
            new CaseFacts(v.GetValue<long>(nameof(Case.UnitId)), v.GetValue<long?>(nameof(Case.AgencyId)), v.GetValue<Severity>(nameof(Case.Severity)),
                v.GetValue<CaseStatus>(nameof(Case.Status)), v.GetValue<DateTime>(nameof(Case.CreatedAt)), v.GetValue<DateTime?>(nameof(Case.DueAt)), v.GetValue<DateTime?>(nameof(Case.AnsweredAt)),
                v.GetValue<string?>(nameof(Case.Category))),
            zone),
        Concern => Of(
            new ConcernFacts(v.GetValue<long>(nameof(Concern.UnitId)), v.GetValue<ConcernSource>(nameof(Concern.Source)), v.GetValue<ConcernStatus>(nameof(Concern.Status)), v.GetValue<DateTime>(nameof(Concern.ReceivedAt))),
            zone),
        _ => [],
    };

    public async Task AddAllAsync(AppDbContext db, TimeZoneInfo zone, Dictionary<SumKey, long> sums, CancellationToken ct)
    {
        await foreach (var c in db.Cases.AsNoTracking()
            .Select(c => new CaseFacts(c.UnitId, c.AgencyId, c.Severity, c.Status, c.CreatedAt, c.DueAt, c.AnsweredAt, c.Category)).AsAsyncEnumerable().WithCancellation(ct))
        {
            SumKey.Add(sums, Of(c, zone), +1);
        }

        await foreach (var c in db.Concerns.AsNoTracking()
            .Select(c => new ConcernFacts(c.UnitId, c.Source, c.Status, c.ReceivedAt)).AsAsyncEnumerable().WithCancellation(ct))
        {
            SumKey.Add(sums, Of(c, zone), +1);
        }
    }

    public async Task CountAsync(AppDbContext db, string prefix, ReportWindow w, IReadOnlyCollection<string> measures, SumTally tally, CancellationToken ct)
    {
        if (measures.Contains(CasesReceived))
        {
            await CountReceivedAsync(db, prefix, w, tally, ct);
        }

        if (measures.Contains(CasesDue))
        {
            await CountDueAsync(db, prefix, w, tally, ct);
        }
    }

    private static void Add(SumTally tally, string measure, long? agencyId, Severity severity, string? category, long count)
    {
        tally.Add(measure, Agency(agencyId), count);
        tally.Add(measure, Severity(severity), count);
        tally.Add(measure, Category(category), count);
    }

    private static async Task CountDueAsync(AppDbContext db, string prefix, ReportWindow w, SumTally tally, CancellationToken ct)
    {
        var due = await ConcernsReportQueries.CasesDue(db, prefix, w).GroupBy(x => new { x.AgencyId, x.Severity, x.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Severity, g.Key.Category, Due = g.LongCount(), OnTime = g.LongCount(x => x.AnsweredAt != null && x.AnsweredAt <= x.DueAt) }).ToListAsync(ct);
        foreach (var g in due)
        {
            Add(tally, CasesDue, g.AgencyId, g.Severity, g.Category, g.Due);
            Add(tally, CasesOnTime, g.AgencyId, g.Severity, g.Category, g.OnTime);
        }
    }

    /// <summary>Every measure but the due ones (always counted together: the sums never split them).</summary>
    private static async Task CountReceivedAsync(AppDbContext db, string prefix, ReportWindow w, SumTally tally, CancellationToken ct)
    {
        // Three queries, each along its own (UnitId, date) index, rather than one pass over every case of the subtree.
        var received = await ConcernsReportQueries.CasesReceived(db, prefix, w).GroupBy(x => new { x.AgencyId, x.Severity, x.Category })
            .Select(g => new { g.Key.AgencyId, g.Key.Severity, g.Key.Category, Count = g.LongCount() }).ToListAsync(ct);
        foreach (var g in received)
        {
            Add(tally, CasesReceived, g.AgencyId, g.Severity, g.Category, g.Count);
        }

        var answered = await ConcernsReportQueries.CasesAnswered(db, prefix, w).Select(x => new { x.AgencyId, x.Severity, x.Category, x.CreatedAt, x.AnsweredAt }).ToListAsync(ct);
        foreach (var a in answered)
        {
            Add(tally, CasesAnswered, a.AgencyId, a.Severity, a.Category, 1);
            tally.Add(CasesAnswerTenths, Tenths(AnswerTenths(a.CreatedAt, a.AnsweredAt!.Value)), 1);
        }

        var sources = await ConcernsReportQueries.ConcernsReceived(db, prefix, w).GroupBy(x => x.Source).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        foreach (var s in sources)
        {
            tally.Add(ConcernsReceived, Source(s.Key), s.Count);
        }
    }

    public static IEnumerable<SumKey> Of(CaseFacts c, TimeZoneInfo zone)
    {
        string[] dims = [Agency(c.AgencyId), Severity(c.Severity), Category(c.Category)];
        var created = SumKey.MonthOf(c.CreatedAt, zone);
        foreach (var dim in dims)
        {
            yield return new SumKey(c.UnitId, created, CasesReceived, dim);
        }

        if (c.AnsweredAt is { } answered)
        {
            var month = SumKey.MonthOf(answered, zone);
            foreach (var dim in dims)
            {
                yield return new SumKey(c.UnitId, month, CasesAnswered, dim);
            }

            yield return new SumKey(c.UnitId, month, CasesAnswerTenths, Tenths(AnswerTenths(c.CreatedAt, answered)));
        }

        if (c.Status != CaseStatus.Rejected && c.DueAt is { } due)
        {
            var month = SumKey.MonthOf(due, zone);
            var day = DayOf(due, zone);
            var onTime = c.AnsweredAt is { } a && a <= due;
            foreach (var dim in dims)
            {
                yield return new SumKey(c.UnitId, month, CasesDue, dim);
                yield return new SumKey(c.UnitId, day, CasesDueDaily, dim);
                if (onTime)
                {
                    yield return new SumKey(c.UnitId, month, CasesOnTime, dim);
                    yield return new SumKey(c.UnitId, day, CasesOnTimeDaily, dim);
                }
            }
        }
    }

    private static DateOnly DayOf(DateTime utc, TimeZoneInfo zone)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public static IEnumerable<SumKey> Of(ConcernFacts c, TimeZoneInfo zone)
    {
        if (c.Status is not (ConcernStatus.Held or ConcernStatus.Dismissed))
        {
            yield return new SumKey(c.UnitId, SumKey.MonthOf(c.ReceivedAt, zone), ConcernsReceived, Source(c.Source));
        }
    }

    /// <summary>Median of the answer times, in days (one decimal), from the count of cases per tenth of a day.</summary>
    public static double? MedianDays(SumTally tally)
    {
        var counts = tally.By(CasesAnswerTenths, "tenths:")
            .Select(x => (Tenths: long.Parse(x.Key, CultureInfo.InvariantCulture), Count: x.Value))
            .Where(x => x.Count > 0).OrderBy(x => x.Tenths).ToList();
        var n = counts.Sum(x => x.Count);
        if (n == 0)
        {
            return null;
        }

        long At(long index)
        {
            foreach (var (tenths, count) in counts)
            {
                if (index < count)
                {
                    return tenths;
                }

                index -= count;
            }

            throw new InvalidOperationException("index past the histogram");
        }

        var median = n % 2 == 1 ? At(n / 2) : (At((n / 2) - 1) + At(n / 2)) / 2.0;
        return Math.Round(median / 10.0, 1, MidpointRounding.AwayFromZero);
    }
}
