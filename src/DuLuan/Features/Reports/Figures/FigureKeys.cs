using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Opinions;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// Drill-down keys of table rows: a figure key, a colon and the row's value ("concerns.by_agency:12"). Figure
/// keys themselves are in <see cref="ReportKeys"/>.
/// </summary>
public static class FigureKeys
{
    public const string CasesDue = "concerns.due";
    public const string CasesOnTime = "concerns.on_time";

    public static string Topic(string folded) => ReportKeys.OpinionsByTopic + ":" + folded;

    public static string Tendency(Tendency tendency) => ReportKeys.OpinionsByTendency + ":" + tendency;

    public static string Agency(long? agencyId) => ReportKeys.ConcernsByAgency + ":" + (agencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");

    public static string Category(Severity severity) => ReportKeys.ConcernsByCategory + ":" + severity;

    public static string Source(ConcernSource source) => "concerns.by_source:" + source;

    public static string Survey(long surveyId) => ReportKeys.SurveysBySurvey + ":" + surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Channel(string channel) => ReportKeys.PublishByChannel + ":" + channel;
}
