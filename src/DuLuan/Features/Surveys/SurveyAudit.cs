namespace DuLuan.Features.Surveys;

/// <summary>Audit actions of surveys ("area.event", see <see cref="Audit.AuditActions"/>).</summary>
public static class SurveyAudit
{
    public const string Created = "surveys.created";
    public const string Edited = "surveys.edited";
    public const string Imported = "surveys.imported";
    public const string Published = "surveys.published";
    public const string Closed = "surveys.closed";
    public const string TargetsSet = "surveys.targets-set";
    public const string WeightsSet = "surveys.weights-set";
    public const string CrossMarked = "surveys.cross-marked";
    public const string PaperEntryStarted = "surveys.paper-entry-started";
    public const string PaperEntryFinished = "surveys.paper-entry-finished";
}
