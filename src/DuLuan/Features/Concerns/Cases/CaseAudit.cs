namespace DuLuan.Features.Concerns.Cases;

/// <summary>Audit actions of concerns and cases (kept here so the audit feature need not know them).</summary>
public static class CaseAudit
{
    public const string HolidayAdded = "cases.holiday-added";
    public const string HolidayRemoved = "cases.holiday-removed";
    public const string Open311KeyCreated = "open311.key-created";
    public const string Open311KeyRevoked = "open311.key-revoked";
    public const string CategoryAdded = "routing.category-added";
    public const string CategoryEdited = "routing.category-edited";
    public const string CategoryRetired = "routing.category-retired";
    public const string CategoryRestored = "routing.category-restored";
    public const string RuleAdded = "routing.rule-added";
    public const string RuleRemoved = "routing.rule-removed";
}
