using DuLuan.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DuLuan.Tests.Time;

public sealed class OfficeTimeTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_zone_is_office_time_zone_then_the_older_cases_key_then_vietnam()
    {
        Assert.Equal("America/New_York", OfficeTime.ZoneId(Settings(("Office:TimeZone", "America/New_York"), ("Cases:WorkingHours:TimeZone", "Europe/Paris"))));
        Assert.Equal("Europe/Paris", OfficeTime.ZoneId(Settings(("Cases:WorkingHours:TimeZone", "Europe/Paris"))));
        Assert.Equal("Europe/Paris", OfficeTime.ZoneId(Settings(("Office:TimeZone", " "), ("Cases:WorkingHours:TimeZone", "Europe/Paris"))));
        Assert.Equal("Asia/Ho_Chi_Minh", OfficeTime.ZoneId(Settings()));
    }

    [Fact]
    public void An_unknown_zone_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddOfficeTime(Settings(("Office:TimeZone", "Mars/Olympus_Mons"))));
        Assert.Contains("Office:TimeZone", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_text_iso_and_inputs_follow_the_zone()
    {
        var hanoi = new OfficeTime(TimeProvider.System, "Asia/Ho_Chi_Minh");
        var newYork = new OfficeTime(TimeProvider.System, "America/New_York");
        var at = new DateTime(2026, 7, 1, 2, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal("01/07/2026 09:30", hanoi.Text(at));
        Assert.Equal("30/06/2026 22:30", newYork.Text(at));
        Assert.Equal("2026-07-01T09:30:00+07:00", hanoi.Iso(at));
        Assert.Equal("2026-06-30T22:30:00-04:00", newYork.Iso(at));
        Assert.Equal("2026-06-30T22:30", newYork.InputValue(at));
        Assert.Equal("30/06/2026", newYork.DayText(at));
        Assert.Equal("—", newYork.Text((DateTime?)null));
        Assert.Equal(at, DateTime.SpecifyKind(newYork.ToUtc(new DateTime(2026, 6, 30, 22, 30, 0)), DateTimeKind.Unspecified));
    }

    [Fact]
    public void A_day_range_is_the_office_days_in_utc_across_a_clock_change()
    {
        var newYork = new OfficeTime(TimeProvider.System, "America/New_York");
        // Daylight saving ends on 1 November 2026: that day has 25 hours.
        var (from, to) = newYork.RangeUtc(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1));
        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc), to);
    }

    [Theory]
    [InlineData(1204, 0, "1.204")]
    [InlineData(4.5, 1, "4,5")]
    [InlineData(1234567.25, 2, "1.234.567,25")]
    [InlineData(-0.25, 2, "-0,25")]
    [InlineData(3, 1, "3")]
    public void Numbers_have_dot_thousands_and_a_decimal_comma(double value, int decimals, string expected)
        => Assert.Equal(expected, VietnameseFormat.Number(value, decimals));

    [Fact]
    public void Shares_durations_and_dates_are_written_the_vietnamese_way()
    {
        Assert.Equal("93%", VietnameseFormat.Share(0.931));
        Assert.Equal("93,1%", VietnameseFormat.Percent(93.1));
        Assert.Equal("2,5", VietnameseFormat.Days(TimeSpan.FromHours(60)));
        Assert.Equal("1.204", VietnameseFormat.Number(1204L));
        Assert.Equal("05/03/2026", VietnameseFormat.ShortDate(new DateOnly(2026, 3, 5)));
        Assert.Equal("ngày 05 tháng 3 năm 2026", VietnameseFormat.Date(new DateOnly(2026, 3, 5)));
    }
}
