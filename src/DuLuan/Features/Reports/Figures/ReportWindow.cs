namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// A period as the database sees it: whole local days (the office's time zone) for DateOnly columns, and the
/// UTC instants [FromUtc, ToUtc) for timestamp columns. <see cref="NowUtc"/> caps "past its deadline".
/// </summary>
public sealed record ReportWindow(ReportPeriod Period, DateTime FromUtc, DateTime ToUtc, DateTime NowUtc)
{
    public DateOnly Start => Period.Start;

    public DateOnly End => Period.End;

    public static ReportWindow Of(ReportPeriod period, TimeZoneInfo zone, DateTime nowUtc)
        => new(period, Midnight(period.Start, zone), Midnight(period.End.AddDays(1), zone), nowUtc);

    public static DateTime Midnight(DateOnly day, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
