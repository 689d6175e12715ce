using DuLuan.Infrastructure.Time;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The office's clock (<see cref="OfficeTime"/>) as Reports uses it: drill-down times, "computed at", the report date,
/// which periods have ended. Nothing in Reports assumes UTC+7.
/// </summary>
public sealed class ReportZone(OfficeTime office)
{
    public TimeZoneInfo Zone => office.Zone;

    public DateOnly Today => office.Today;

    /// <summary>A stored UTC timestamp as the office's wall-clock time.</summary>
    public DateTime Local(DateTime utc) => office.ToLocal(utc);

    public DateTimeOffset Local(DateTimeOffset at) => office.ToLocal(at);

    /// <summary>The figures with <see cref="ReportFigures.ComputedAt"/> at the office's offset, so documents print its local time.</summary>
    public ReportFigures InZone(ReportFigures figures) => figures with { ComputedAt = Local(figures.ComputedAt) };
}
