namespace DuLuan.Features.Reports;

/// <summary>Audit actions of reports ("area.event", see <see cref="Audit.AuditActions"/>).</summary>
public static class ReportAudit
{
    public const string DrillViewed = "reports.drill-viewed";
    public const string DraftCreated = "reports.draft-created";
    public const string DraftEdited = "reports.draft-edited";
    public const string TemplateUploaded = "reports.template-uploaded";
}
