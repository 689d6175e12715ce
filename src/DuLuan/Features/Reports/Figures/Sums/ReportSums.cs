using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>
/// Reads the monthly sums of a subtree. Sums cover the whole local months of a window that ended before the current
/// month began, and only once they were built for the configured time zone; the rest of the window (the current
/// month, or all of it while the sums are rebuilt) is counted from the records, except that when the window ends at
/// a month's end the current month of every measure not capped by now is read from the sums too
/// (<see cref="Split.RestTo"/>).
/// </summary>
public sealed class ReportSums(AppDbContext db, ReportZone office, TimeProvider clock)
{
    private readonly TimeZoneInfo zone = office.Zone;

    /// <summary>
    /// Months [<see cref="From"/>, <see cref="To"/>) come from the sums, instants from <see cref="LiveFromUtc"/> from the
    /// records. When <see cref="RestTo"/> is set, the sums are valid and the rest of the window is the whole months
    /// [<see cref="To"/>, <see cref="RestTo"/>) (the current month and any after it): a measure whose records never lie
    /// after now reads them from the sums as well.
    /// </summary>
    public sealed record Split(DateOnly From, DateOnly To, DateTime LiveFromUtc, DateOnly? RestTo = null)
    {
        public bool HasSums => To > From;
    }

    public async Task<Split> SplitAsync(ReportWindow w, CancellationToken ct)
    {
        var none = new Split(w.Start, w.Start, w.FromUtc);
        if (w.Start.Day != 1 || !await ValidAsync(ct))
        {
            return none;
        }

        var current = SumKey.MonthOf(clock.GetUtcNow().UtcDateTime, zone);
        var afterEnd = new DateOnly(w.End.Year, w.End.Month, 1).AddMonths(1);
        var to = current < afterEnd ? current : afterEnd;
        DateOnly? rest = w.End.AddDays(1) == afterEnd ? afterEnd : null;
        if (to <= w.Start)
        {
            return none with { RestTo = rest };
        }

        return new Split(w.Start, to, to == afterEnd ? w.ToUtc : ReportWindow.Midnight(to, zone), to == afterEnd ? null : rest);
    }

    public Task<bool> ValidAsync(CancellationToken ct)
        => db.ReportSumsStates.AsNoTracking().AnyAsync(s => s.Id == 1 && s.TimeZone == zone.Id, ct);

    /// <summary>The days of the current month before today: [<paramref name="monthStart"/>, <see cref="Days.Today"/>), and the instant today began.</summary>
    public sealed record Days(DateOnly Today, DateTime TodayFromUtc);

    public Days DaysBeforeToday(DateOnly monthStart, DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(local);
        if (today < monthStart)
        {
            today = monthStart;
        }

        return new(today, ReportWindow.Midnight(today, zone));
    }

    /// <summary>
    /// Daily sums (keys whose month is a day) of the subtree over days [<paramref name="from"/>, <paramref name="to"/>),
    /// each daily measure reported under the measure it stands for (<paramref name="measureOfDaily"/>: daily → measure).
    /// </summary>
    public async Task<List<(string Measure, string Dim, long Value)>> ReadDaysAsync(string prefix, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> measureOfDaily, CancellationToken ct)
    {
        if (to <= from)
        {
            return [];
        }

        var days = new List<DateOnly>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            days.Add(day);
        }

        var rows = await ReadAsync(prefix, days, measureOfDaily.Keys.ToList(), ct);
        return rows.Select(r => (measureOfDaily[r.Measure], r.Dim, r.Value)).ToList();
    }

    /// <summary>Every (measure, dimension) of the subtree summed over the months of <paramref name="split"/>.</summary>
    public async Task<List<(string Measure, string Dim, long Value)>> ReadAsync(string prefix, Split split, IReadOnlyList<string> measures, CancellationToken ct)
    {
        if (!split.HasSums)
        {
            return [];
        }

        var months = new List<DateOnly>();
        for (var month = split.From; month < split.To; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return await ReadAsync(prefix, months, measures, ct);
    }

    /// <summary>
    /// By a list of months (or days) rather than a range: the key (unit, month, measure, dim) is then sought per month,
    /// and the daily counters (keyed by every day) are not read along with a month's own.
    /// </summary>
    private async Task<List<(string Measure, string Dim, long Value)>> ReadAsync(string prefix, List<DateOnly> months, IReadOnlyList<string> measures, CancellationToken ct)
    {
        var rows = await db.ReportMonthSums.AsNoTracking()
            .Where(s => months.Contains(s.Month) && measures.Contains(s.Measure))
            .Join(db.Units.Where(u => u.Path.StartsWith(prefix)), s => s.UnitId, u => u.Id, (s, u) => s)
            .GroupBy(s => new { s.Measure, s.Dim })
            .Select(g => new { g.Key.Measure, g.Key.Dim, Value = g.Sum(s => s.Value) })
            .ToListAsync(ct);
        return rows.Select(r => (r.Measure, r.Dim, r.Value)).ToList();
    }
}
