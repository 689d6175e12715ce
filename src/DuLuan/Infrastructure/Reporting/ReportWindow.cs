namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// A period as the database sees it: whole local days [<see cref="Start"/>, <see cref="End"/>] (the office's time zone)
/// for DateOnly columns, and the UTC instants [FromUtc, ToUtc) for timestamp columns. <see cref="NowUtc"/> caps "past its deadline".
/// </summary>
public sealed record ReportWindow(DateOnly Start, DateOnly End, DateTime FromUtc, DateTime ToUtc, DateTime NowUtc)
{
    public static ReportWindow Of(DateOnly start, DateOnly end, TimeZoneInfo zone, DateTime nowUtc)
        => new(start, end, Midnight(start, zone), Midnight(end.AddDays(1), zone), nowUtc);

    public static DateTime Midnight(DateOnly day, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
