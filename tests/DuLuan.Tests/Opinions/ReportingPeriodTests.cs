using DuLuan.Features.Opinions;

namespace DuLuan.Tests.Opinions;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31")]
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31")]
    [InlineData("2026-11-10", "2026-11-16", "2026-11-03", "2026-11-09")]
    [InlineData("2026-11-02", "2026-11-30", "2026-10-04", "2026-11-01")]
    [InlineData("2026-12-05", "2026-12-05", "2026-12-04", "2026-12-04")]
    public void The_previous_period_has_equal_length(string start, string end, string previousStart, string previousEnd)
    {
        var previous = new ReportingPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)).Previous();
        Assert.Equal(DateOnly.Parse(previousStart, System.Globalization.CultureInfo.InvariantCulture), previous.Start);
        Assert.Equal(DateOnly.Parse(previousEnd, System.Globalization.CultureInfo.InvariantCulture), previous.End);
    }

    [Theory]
    [InlineData(Cadence.Weekly, "2026-12-03", "2026-11-30", "2026-12-06")]
    [InlineData(Cadence.Weekly, "2026-12-06", "2026-11-30", "2026-12-06")]
    [InlineData(Cadence.Monthly, "2024-02-29", "2024-02-01", "2024-02-29")]
    [InlineData(Cadence.Quarterly, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(Cadence.Quarterly, "2026-04-01", "2026-04-01", "2026-06-30")]
    public void The_current_period_follows_the_cadence(Cadence cadence, string today, string start, string end)
    {
        var period = ReportingPeriod.Current(cadence, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }
}
