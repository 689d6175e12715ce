namespace DuLuan.Features.Reports;

public enum FigureKind
{
    Count,
    Percent,
    Days,
}

/// <summary>One number of a report with the same number for the previous period; null when it cannot be computed (e.g. a percentage of nothing).</summary>
public sealed record Figure(string Key, string Label, double? Value, double? Previous, FigureKind Kind, string? DrillDownUrl);

public sealed record FigureTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows);

public sealed record FigureRow(string Label, IReadOnlyList<double?> Values, string? DrillDownUrl);

public enum ChartKind
{
    Bar,
    Line,
    Pie,
}

public sealed record FigureChart(string Key, string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public sealed record ReportSection(string Key, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<FigureTable> Tables, IReadOnlyList<FigureChart> Charts);

/// <summary>
/// Every figure of one unit's whole subtree over one period, with the previous period for comparison.
/// Labels, titles and notes are Vietnamese, the language of official reports. Notes say what a reader must
/// know to read the numbers: units re-organised inside the period, sections without data.
/// </summary>
public sealed record ReportFigures(
    long UnitId,
    string UnitName,
    string? UnitCode,
    ReportPeriod Period,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string> Notes,
    DateTimeOffset ComputedAt)
{
    public ReportSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public Figure? Figure(string key) => Sections.SelectMany(s => s.Figures).FirstOrDefault(f => f.Key == key);
}

public interface IReportFigureSource
{
    /// <summary>Figures of the unit's whole subtree over <paramref name="period"/> (and its previous period); throws <see cref="KeyNotFoundException"/> for an unknown unit.</summary>
    Task<ReportFigures> ComputeAsync(long unitId, ReportPeriod period, CancellationToken ct);
}
