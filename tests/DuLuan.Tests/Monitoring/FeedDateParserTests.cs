using DuLuan.Features.Monitoring.Ingest;

namespace DuLuan.Tests.Monitoring;

public class FeedDateParserTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("Sun, 22 Nov 2026 08:30:00 +0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 Nov 2026 01:30:00 GMT", 2026, 11, 22, 1, 30, 0, 0)]
    [InlineData("Sun, 22 Nov 2026 01:30:00 UT", 2026, 11, 22, 1, 30, 0, 0)]
    [InlineData("Sat, 21 Nov 2026 20:30:00 EST", 2026, 11, 21, 20, 30, 0, -5)]
    [InlineData("Sat, 21 Nov 2026 17:30:00 PDT", 2026, 11, 21, 17, 30, 0, -7)]
    [InlineData("22 Nov 2026 08:30 +0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Mon, 22 Nov 2026 08:30:00 +0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 November 2026 08:30:00 +07:00", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 Nov 26 08:30:00 +0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun,22 Nov 2026 08:30:00 ICT", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("2026-11-22T08:30:00+07:00", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("2026-11-22T01:30:00Z", 2026, 11, 22, 1, 30, 0, 0)]
    [InlineData("2026-11-22T01:30:00.123456789Z", 2026, 11, 22, 1, 30, 0, 0)]
    [InlineData("2026-11-22 08:30:00+0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("2026-11-22", 2026, 11, 22, 0, 0, 0, 7)]
    [InlineData("Sun, 22 Nov 2026 08:30:00 +0700 (ICT)", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 Nov 2026 08:30:00 GMT+0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 Nov 2026 08:30:00 GMT+7", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("Sun, 22 Nov 2026 8:30:00 +0700", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("2026/11/22 08:30:00 +07:00", 2026, 11, 22, 8, 30, 0, 7)]
    [InlineData("2026-11-22T08:30:00.000+0700", 2026, 11, 22, 8, 30, 0, 7)]
    public void Zoned_forms_are_read_without_warning(string raw, int y, int mo, int d, int h, int mi, int s, int offset)
    {
        var warnings = new FeedWarnings();
        var parsed = FeedDateParser.Parse(raw, warnings);
        Assert.NotNull(parsed);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromHours(offset)), parsed.Value.AddTicks(-(parsed.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(TimeSpan.FromHours(offset), parsed.Value.Offset);
        Assert.True(warnings.IsEmpty);
    }

    [Theory]
    [InlineData("22/11/2026 08:30", 2026, 11, 22, 8, 30)]
    [InlineData("Thứ bảy, 21/11/2026 - 14:05", 2026, 11, 21, 14, 5)]
    [InlineData("Chủ nhật, 22/11/2026, 08:30 (GMT+7)", 2026, 11, 22, 8, 30)]
    [InlineData("08:30 22/11/2026", 2026, 11, 22, 8, 30)]
    [InlineData("22-11-2026 8h30", 2026, 11, 22, 8, 30)]
    [InlineData("2026-11-22T08:30:00", 2026, 11, 22, 8, 30)]
    [InlineData("2026-11-22 08:30", 2026, 11, 22, 8, 30)]
    [InlineData("Sun, 22 Nov 2026 08:30:00", 2026, 11, 22, 8, 30)]
    public void Vietnamese_and_zoneless_forms_are_vietnam_time(string raw, int y, int mo, int d, int h, int mi)
    {
        var warnings = new FeedWarnings();
        var parsed = FeedDateParser.Parse(raw, warnings);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, 0, Vn), parsed);
        Assert.Equal(Vn, parsed!.Value.Offset);
        if (!raw.Contains("GMT+7", StringComparison.Ordinal))
        {
            Assert.Contains(warnings.ToList(), w => w.Contains("UTC+7", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("hôm qua")]
    [InlineData("2026-13-45T25:61:00Z")]
    [InlineData("31/02/2026")]
    [InlineData("Sun, 22 Foo 2026 08:30:00 GMT")]
    [InlineData("99999999999999999999")]
    public void Nonsense_is_null_with_a_warning(string raw)
    {
        var warnings = new FeedWarnings();
        Assert.Null(FeedDateParser.Parse(raw, warnings));
        Assert.False(warnings.IsEmpty);
    }

    [Fact]
    public void Empty_is_null_without_warning()
    {
        var warnings = new FeedWarnings();
        Assert.Null(FeedDateParser.Parse("  ", warnings));
        Assert.True(warnings.IsEmpty);
    }

    [Fact]
    public void Very_long_text_is_not_searched_for_a_date()
    {
        var warnings = new FeedWarnings();
        Assert.Null(FeedDateParser.Parse(string.Concat(Enumerable.Repeat("22/11/2026 08:30 ", 100)), warnings));
        Assert.False(warnings.IsEmpty);
    }
}
