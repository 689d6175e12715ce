using System.Globalization;

// Stand-in for the reports contract until the reports-figures branch is merged; removed at that merge.
namespace DuLuan.Features.Reports;

public readonly record struct ReportPeriod(DateOnly Start, DateOnly End, string Code, string VietnameseLabel)
{
    public static bool TryParse(string? text, out ReportPeriod period, out string? error)
    {
        period = default;
        error = "Kỳ báo cáo không hợp lệ";
        if (string.IsNullOrWhiteSpace(text) || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return false;
        }

        var rest = text[4..];
        if (rest.Length == 0)
        {
            period = new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), text, $"năm {year}");
        }
        else if (rest.Length == 3 && rest[1] == 'Q' && rest[2] is >= '1' and <= '4')
        {
            var q = rest[2] - '0';
            var start = new DateOnly(year, ((q - 1) * 3) + 1, 1);
            period = new(start, start.AddMonths(3).AddDays(-1), text, $"quý {new[] { "I", "II", "III", "IV" }[q - 1]} năm {year}");
        }
        else if (rest == "-H1" || rest == "-H2")
        {
            var start = new DateOnly(year, rest == "-H1" ? 1 : 7, 1);
            period = new(start, start.AddMonths(6).AddDays(-1), text, rest == "-H1" ? $"6 tháng đầu năm {year}" : $"6 tháng cuối năm {year}");
        }
        else
        {
            return false;
        }

        error = null;
        return true;
    }

    public ReportPeriod Previous()
    {
        var months = ((End.Year - Start.Year) * 12) + End.Month - Start.Month + 1;
        var start = Start.AddMonths(-months);
        var code = months switch { 3 => $"{start.Year}-Q{((start.Month - 1) / 3) + 1}", 6 => $"{start.Year}-H{(start.Month == 1 ? 1 : 2)}", _ => $"{start.Year}" };
        return TryParse(code, out var p, out _) ? p : default;
    }
}

public enum FigureKind { Count, Percent, Days }

public sealed record Figure(string Key, string Label, double? Value, double? Previous, FigureKind Kind, string? DrillDownUrl);

public sealed record FigureTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows);

public sealed record FigureRow(string Label, IReadOnlyList<double?> Values, string? DrillDownUrl);

public enum ChartKind { Bar, Line, Pie }

public sealed record FigureChart(string Key, string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public sealed record ReportSection(string Key, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<FigureTable> Tables, IReadOnlyList<FigureChart> Charts);

public sealed record ReportFigures(long UnitId, string UnitName, string? UnitCode, ReportPeriod Period, IReadOnlyList<ReportSection> Sections, IReadOnlyList<string> Notes, DateTimeOffset ComputedAt);

public interface IReportFigureSource
{
    Task<ReportFigures> ComputeAsync(long unitId, ReportPeriod period, CancellationToken ct);
}

public static class ReportKeys
{
    public const string Concerns = "concerns";
    public const string ConcernsReceived = "concerns.received";
    public const string ConcernsOnTimePercent = "concerns.on_time_percent";
}
