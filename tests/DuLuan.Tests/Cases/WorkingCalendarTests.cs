using DuLuan.Features.Concerns.Cases;
using DuLuan.Infrastructure.Time;

namespace DuLuan.Tests.Cases;

/// <summary>Deadline arithmetic in Vietnamese office hours (UTC+7, Mon–Fri, 07:30–11:30 and 13:00–17:00).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Hanoi = OfficeTime.FindZone(OfficeTime.DefaultZoneId);

    // 2026: 30/4 is a Thursday and 1/5 a Friday; 23/11 is a Monday.
    private static readonly WorkingCalendar Calendar = new(new WorkingHoursOptions(), Holidays.FixedDates(2026).Concat(Holidays.FixedDates(2027)).Select(h => h.Date), Hanoi);

    /// <summary>A Hà Nội wall-clock time as the UTC instant the code works with.</summary>
    private static DateTime Local(int month, int day, int hour, int minute = 0)
        => new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    [Theory]
    [InlineData(11, 23, 8, 0, 11, 23, 13, 30)] // morning, across lunch
    [InlineData(11, 23, 10, 0, 11, 23, 15, 30)]
    [InlineData(11, 23, 12, 0, 11, 23, 17, 0)] // received at lunch: counts from 13:00, ends at the cut-off
    [InlineData(11, 23, 16, 59, 11, 24, 11, 29)] // one minute before 17:00
    [InlineData(11, 23, 17, 0, 11, 24, 11, 30)] // at the cut-off
    [InlineData(11, 24, 22, 0, 11, 25, 11, 30)] // at night
    [InlineData(11, 25, 3, 0, 11, 25, 11, 30)] // before dawn
    [InlineData(11, 27, 15, 0, 11, 30, 9, 30)] // Friday afternoon, across the weekend
    [InlineData(11, 28, 10, 0, 11, 30, 11, 30)] // Saturday
    [InlineData(4, 29, 15, 0, 5, 4, 9, 30)] // Wednesday before 30/4 and 1/5 and a weekend
    [InlineData(5, 1, 9, 0, 5, 4, 11, 30)] // on a holiday
    public void Four_working_hours(int month, int day, int hour, int minute, int dueMonth, int dueDay, int dueHour, int dueMinute)
        => Assert.Equal(Local(dueMonth, dueDay, dueHour, dueMinute), Calendar.AddWorkingHours(Local(month, day, hour, minute), 4));

    [Theory]
    [InlineData(11, 23, 10, 0, 11, 30)] // received during Monday: Tuesday is day 1
    [InlineData(11, 23, 6, 0, 11, 27)] // before opening: Monday counts
    [InlineData(11, 23, 7, 30, 11, 27)] // at opening
    [InlineData(11, 23, 17, 30, 11, 30)] // evening
    [InlineData(11, 28, 9, 0, 12, 4)] // Saturday: Monday is day 1
    [InlineData(4, 28, 9, 0, 5, 7)] // 30/4 and 1/5 do not count
    [InlineData(8, 28, 9, 0, 9, 8)] // 1/9 and 2/9 do not count
    [InlineData(12, 29, 9, 0, 1, 6)] // into the next year, 1/1/2027 skipped
    public void Five_working_days_end_at_the_cut_off(int month, int day, int hour, int minute, int dueMonth, int dueDay)
    {
        var due = Calendar.AddWorkingDays(Local(month, day, hour, minute), 5);
        var dueYear = dueMonth < month ? 2027 : 2026;
        Assert.Equal(new DateTime(dueYear, dueMonth, dueDay, 17, 0, 0, DateTimeKind.Utc).AddHours(-7), due);
    }

    [Fact]
    public void Local_date_not_UTC_date_decides_the_day()
    {
        // 23:00 UTC on Monday is 06:00 on Tuesday in Hà Nội, before opening: Tuesday is day 1.
        var start = new DateTime(2026, 11, 23, 23, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), Calendar.AddWorkingDays(start, 1));
    }

    [Theory]
    [InlineData(11, 27, 16, 0, 11, 30, 8, 30, 120)] // Friday 16:00 to Monday 08:30
    [InlineData(11, 23, 11, 0, 11, 23, 13, 30, 60)] // across lunch
    [InlineData(11, 24, 20, 0, 11, 25, 20, 0, 480)] // night to night is one working day
    [InlineData(11, 23, 12, 0, 11, 23, 12, 45, 0)] // inside lunch
    [InlineData(11, 28, 0, 0, 11, 29, 23, 59, 0)] // a weekend
    [InlineData(4, 29, 8, 0, 5, 4, 8, 0, 480)] // across 30/4, 1/5 and a weekend
    [InlineData(11, 23, 7, 30, 11, 27, 17, 0, 2400)] // a full week
    public void Working_time_between(int m1, int d1, int h1, int min1, int m2, int d2, int h2, int min2, int minutes)
    {
        var from = Local(m1, d1, h1, min1);
        var to = Local(m2, d2, h2, min2);
        Assert.Equal(TimeSpan.FromMinutes(minutes), Calendar.WorkingTimeBetween(from, to));
        Assert.Equal(TimeSpan.FromMinutes(-minutes), Calendar.WorkingTimeBetween(to, from));
    }

    [Fact]
    public void Adding_then_measuring_gives_back_the_duration()
    {
        var random = new Random(20261123);
        var start = Local(1, 1, 0);
        for (var i = 0; i < 2000; i++)
        {
            var from = start.AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 30 * 8 * 60));
            var due = Calendar.AddWorkingTime(from, duration);
            Assert.Equal(duration, Calendar.WorkingTimeBetween(from, due));
            Assert.True(due >= from);
        }
    }

    [Fact]
    public void A_working_day_holds_eight_hours()
        => Assert.Equal(TimeSpan.FromHours(8), Calendar.WorkingDayLength);

    [Fact]
    public void Severity_sets_the_allowance()
    {
        var options = new WorkingHoursOptions();
        var received = Local(11, 23, 10, 0);
        Assert.Equal(Local(11, 23, 15, 30), Calendar.DueAt(options, Severity.Urgent, received));
        Assert.Equal(Local(11, 30, 17, 0), Calendar.DueAt(options, Severity.Normal, received));
        Assert.Equal(Local(12, 7, 17, 0), Calendar.DueAt(options, Severity.Complex, received));
    }

    [Fact]
    public void Settings_change_the_week_and_hours()
    {
        var options = new WorkingHoursOptions
        {
            WorkingDays = [.. new WorkingHoursOptions().WorkingDays, DayOfWeek.Saturday],
            Periods = ["08:00-12:00"],
        };
        var calendar = new WorkingCalendar(options, [], Hanoi);
        Assert.Equal(Local(11, 28, 10, 0), calendar.AddWorkingHours(Local(11, 27, 10, 0), 4));
        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingDayLength);
    }

    [Theory]
    [InlineData("07:30")]
    [InlineData("11:30-07:30")]
    [InlineData("7h30-11h30")]
    [InlineData("25:00-26:00")]
    public void Malformed_periods_are_refused(string period)
        => Assert.Throws<ArgumentException>(() => new WorkingCalendar(new WorkingHoursOptions { Periods = [period] }, [], Hanoi));

    [Fact]
    public void Overlapping_periods_are_refused()
        => Assert.Throws<ArgumentException>(() => new WorkingCalendar(new WorkingHoursOptions { Periods = ["07:30-12:00", "11:00-17:00"] }, [], Hanoi));

    [Fact]
    public void Negative_durations_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(Local(11, 23, 8), TimeSpan.FromMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Local(11, 23, 8), 0));
    }
}
