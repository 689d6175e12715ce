namespace DuLuan.Infrastructure.Reporting;

public enum FigureKind
{
    Count,
    Percent,
    Days,
}

/// <summary>One number of a report with the same number for the previous period; null when it cannot be computed (e.g. a percentage of nothing).</summary>
public sealed record Figure(string Key, string Label, double? Value, double? Previous, FigureKind Kind, string? DrillDownUrl);

public sealed record FigureTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows);

/// <summary>A row of a figure table. Labels are Vietnamese (the report's language); <paramref name="LabelEn"/> is the English name
/// of a row whose label is the office's own data in both languages (a category), shown on the dashboard when English is chosen.</summary>
public sealed record FigureRow(string Label, IReadOnlyList<double?> Values, string? DrillDownUrl, string? LabelEn = null);

public enum ChartKind
{
    Bar,
    Line,
    Pie,
}

public sealed record FigureChart(string Key, string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public sealed record ReportSection(string Key, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<FigureTable> Tables, IReadOnlyList<FigureChart> Charts);
