using DuLuan.Infrastructure.Reporting;

namespace DuLuan.Features.Reports;

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
