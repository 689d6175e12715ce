namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Settings under "Cases:WorkingHours": the office's working week and hours, and the default time allowed
/// per severity. Defaults follow Vietnamese public offices. The zone is the office's (<c>Office:TimeZone</c>);
/// <c>Cases:WorkingHours:TimeZone</c> is still read as its fallback by <see cref="Infrastructure.Time.OfficeTime"/>.
/// </summary>
public sealed class WorkingHoursOptions
{
    public const string Section = "Cases:WorkingHours";

    public List<DayOfWeek> WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Working periods of a day in local time, "HH:mm-HH:mm", in order and not overlapping.</summary>
    public List<string> Periods { get; set; } = ["07:30-11:30", "13:00-17:00"];

    /// <summary>Urgent: first action within this many working hours.</summary>
    public int UrgentWorkingHours { get; set; } = 4;

    /// <summary>Normal: answer within this many working days.</summary>
    public int NormalWorkingDays { get; set; } = 5;

    /// <summary>Complex (needs several agencies or a site visit): answer within this many working days.</summary>
    public int ComplexWorkingDays { get; set; } = 10;

    /// <summary>How often the escalation sweep looks for overdue cases; 0 turns it off.</summary>
    public int SweepMinutes { get; set; } = 5;
}
