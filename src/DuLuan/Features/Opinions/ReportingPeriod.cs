using System.Globalization;

namespace DuLuan.Features.Opinions;

/// <summary>A span of whole days, both ends included.</summary>
public readonly record struct ReportingPeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>
    /// The period of equal length just before this one, for trends: whole calendar months step back by
    /// as many months (November's previous is October, not 2 Oct – 31 Oct), anything else by as many days.
    /// </summary>
    public ReportingPeriod Previous()
    {
        var months = WholeMonths();
        return months > 0
            ? new(Start.AddMonths(-months), Start.AddDays(-1))
            : new(Start.AddDays(-Days), Start.AddDays(-1));
    }

    private int WholeMonths()
    {
        if (Start.Day != 1 || End.AddDays(1).Day != 1)
        {
            return 0;
        }

        var next = End.AddDays(1);
        return ((next.Year - Start.Year) * 12) + next.Month - Start.Month;
    }

    public bool Overlaps(DateOnly start, DateOnly end) => start <= End && end >= Start;

    public static ReportingPeriod Current(Cadence cadence, DateOnly today) => cadence switch
    {
        Cadence.Weekly => Week(today),
        Cadence.Quarterly => Quarter(today),
        _ => Month(today),
    };

    public static ReportingPeriod Month(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return new(start, start.AddMonths(1).AddDays(-1));
    }

    public static ReportingPeriod Week(DateOnly day)
    {
        var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(start, start.AddDays(6));
    }

    public static ReportingPeriod Quarter(DateOnly day)
    {
        var start = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Start:dd/MM/yyyy} – {End:dd/MM/yyyy}");
}
