namespace DuLuan.Features.Concerns.Cases;

public enum Severity
{
    Normal,
    Urgent,
    Complex,
}

public static class SeverityDeadlines
{
    /// <summary>Urgent counts working hours to first action; normal and complex count working days to an answer.</summary>
    public static DateTime DueAt(this WorkingCalendar calendar, WorkingHoursOptions options, Severity severity, DateTime fromUtc) => severity switch
    {
        Severity.Urgent => calendar.AddWorkingHours(fromUtc, options.UrgentWorkingHours),
        Severity.Complex => calendar.AddWorkingDays(fromUtc, options.ComplexWorkingDays),
        _ => calendar.AddWorkingDays(fromUtc, options.NormalWorkingDays),
    };
}
