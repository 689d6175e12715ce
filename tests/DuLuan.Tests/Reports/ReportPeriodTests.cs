using DuLuan.Features.Reports;

namespace DuLuan.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30", "2026-Q3", "quý III năm 2026")]
    [InlineData("2026-q1", "2026-01-01", "2026-03-31", "2026-Q1", "quý I năm 2026")]
    [InlineData(" 2024-Q4 ", "2024-10-01", "2024-12-31", "2024-Q4", "quý IV năm 2024")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30", "2026-H1", "6 tháng đầu năm 2026")]
    [InlineData("2025-H2", "2025-07-01", "2025-12-31", "2025-H2", "6 tháng cuối năm 2025")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2026", "năm 2026")]
    public void Parses_quarters_halves_and_years(string text, string start, string end, string code, string label)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period, out var error), error);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(code, period.Code);
        Assert.Equal(label, period.VietnameseLabel);
        Assert.Equal(period, ReportPeriod.Parse(period.Code));
    }

    [Theory]
    [InlineData("2026-Q3", "2026-Q2")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026-H1", "2025-H2")]
    [InlineData("2026-H2", "2026-H1")]
    [InlineData("2026", "2025")]
    public void The_previous_period_is_the_one_before(string text, string previous)
        => Assert.Equal(previous, ReportPeriod.Parse(text).Previous().Code);

    [Theory]
    [InlineData(null, "Thiếu kỳ báo cáo")]
    [InlineData("", "Thiếu kỳ báo cáo")]
    [InlineData("2026-Q5", "Quý phải từ 1 đến 4")]
    [InlineData("2026-Q0", "2026-Q3")]
    [InlineData("2026-H3", "Nửa năm phải là 1 hoặc 2")]
    [InlineData("1999", "1999")]
    [InlineData("2101-Q1", "2101")]
    [InlineData("26-Q3", "2026-Q3")]
    [InlineData("2026Q3", "2026-Q3")]
    [InlineData("2026-M3", "2026-Q3")]
    [InlineData("2026-Q3'", "2026-Q3")]
    [InlineData("-2026", "2026-Q3")]
    [InlineData("+202", "2026-Q3")]
    [InlineData("\uff12\uff10\uff12\uff16", "2026-Q3")]
    [InlineData("2026-Q\u0663", "2026-Q3")]
    public void Refuses_anything_else_with_a_vietnamese_reason(string? text, string expected)
    {
        Assert.False(ReportPeriod.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ReportPeriod.Parse(text ?? string.Empty));
    }

    [Fact]
    public void The_quarter_of_a_day()
    {
        Assert.Equal("2025-Q3", ReportPeriod.QuarterOf(new DateOnly(2025, 7, 1)).Code);
        Assert.Equal("2025-Q2", ReportPeriod.QuarterOf(new DateOnly(2025, 6, 30)).Code);
        Assert.True(ReportPeriod.Parse("2025-H2").Contains(new DateOnly(2025, 7, 1)));
        Assert.False(ReportPeriod.Parse("2025-H2").Contains(new DateOnly(2025, 6, 30)));
    }
}
