using DuLuan.Features.Cases;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The office's time zone (<see cref="WorkingHoursOptions.TimeZone"/>, the one <see cref="ReportFigureSource"/> cuts
/// periods with) for everything in Reports that shows a time or asks what day it is: drill-down times, "computed at",
/// the report date, which periods have ended. Nothing in Reports assumes UTC+7.
/// </summary>
public sealed class ReportZone(IOptions<WorkingHoursOptions> hours, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(hours.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);

    /// <summary>A stored UTC timestamp as the office's wall-clock time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The figures with <see cref="ReportFigures.ComputedAt"/> at the office's offset, so documents print its local time.</summary>
    public ReportFigures InZone(ReportFigures figures) => figures with { ComputedAt = Local(figures.ComputedAt) };
}
