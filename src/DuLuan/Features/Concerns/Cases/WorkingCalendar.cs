using System.Globalization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Working-time arithmetic in the office's local time: working days, working periods (a lunch
/// break between them) and public holidays. Instants in and out are UTC <see cref="DateTime"/>s.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo zone;
    private readonly HashSet<DayOfWeek> workingDays;
    private readonly HashSet<DateOnly> holidays;
    private readonly (TimeOnly Start, TimeOnly End)[] periods;

    /// <param name="zone">The office's zone (<see cref="Infrastructure.Time.OfficeTime.Zone"/>).</param>
    public WorkingCalendar(WorkingHoursOptions options, IEnumerable<DateOnly> holidays, TimeZoneInfo zone)
    {
        this.zone = zone;
        workingDays = [.. options.WorkingDays];
        this.holidays = [.. holidays];
        periods = ParsePeriods(options.Periods);
        if (workingDays.Count == 0)
        {
            throw new ArgumentException("At least one working day is needed.", nameof(options));
        }
    }

    /// <summary>Working time in one full working day (8 hours by default).</summary>
    public TimeSpan WorkingDayLength => periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));

    public bool IsWorkingDay(DateOnly date) => workingDays.Contains(date.DayOfWeek) && !holidays.Contains(date);

    /// <summary>
    /// The instant after <paramref name="duration"/> of working time from <paramref name="startUtc"/>.
    /// Time outside working periods does not count; a deadline that lands on a period's end stays there.
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var local = ToLocal(startUtc);
        var remaining = duration;
        foreach (var (start, end) in PeriodsFrom(DateOnly.FromDateTime(local)))
        {
            if (end <= local)
            {
                continue;
            }

            var from = start > local ? start : local;
            var available = end - from;
            if (remaining <= available)
            {
                return ToUtc(from + remaining);
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: the period sequence is endless.");
    }

    public DateTime AddWorkingHours(DateTime startUtc, int hours) => AddWorkingTime(startUtc, TimeSpan.FromHours(hours));

    /// <summary>
    /// The end of the <paramref name="days"/>-th working day after receipt. A day counts only when
    /// all of it is available: something received during a working day starts counting the next
    /// working day; something received at night or on a holiday starts with the next working day.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var local = ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        var dayStart = date.ToDateTime(periods[0].Start);
        var countsToday = IsWorkingDay(date) && local <= dayStart;
        var counted = countsToday ? 1 : 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return ToUtc(date.ToDateTime(periods[^1].End));
    }

    /// <summary>Working time between two instants; negative when <paramref name="toUtc"/> is earlier.</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc)
        {
            return -WorkingTimeBetween(toUtc, fromUtc);
        }

        var from = ToLocal(fromUtc);
        var to = ToLocal(toUtc);
        var total = TimeSpan.Zero;
        foreach (var (start, end) in PeriodsFrom(DateOnly.FromDateTime(from)))
        {
            if (start >= to)
            {
                break;
            }

            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    /// <summary>Working periods in local time, day after day from <paramref name="date"/>, skipping days off.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> PeriodsFrom(DateOnly date)
    {
        for (var day = date; ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var (start, end) in periods)
            {
                yield return (day.ToDateTime(start), day.ToDateTime(end));
            }
        }
    }

    private DateTime ToLocal(DateTime utc)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private DateTime ToUtc(DateTime local)
        => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    private static (TimeOnly, TimeOnly)[] ParsePeriods(List<string> texts)
    {
        if (texts.Count == 0)
        {
            throw new ArgumentException("At least one working period is needed.", nameof(texts));
        }

        var result = new (TimeOnly Start, TimeOnly End)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var parts = texts[i].Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start
                || (i > 0 && start < result[i - 1].End))
            {
                throw new ArgumentException($"Working period \"{texts[i]}\" must be HH:mm-HH:mm, in order, not overlapping.", nameof(texts));
            }

            result[i] = (start, end);
        }

        return result;
    }
}
