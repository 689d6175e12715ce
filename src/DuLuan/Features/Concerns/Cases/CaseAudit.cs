namespace DuLuan.Features.Concerns.Cases;

/// <summary>Audit actions of concerns and cases (kept here so the audit feature need not know them).</summary>
public static class CaseAudit
{
    public const string HolidayAdded = "holiday-added";
    public const string HolidayRemoved = "holiday-removed";
}
