namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// Keys of sections, figures, tables and charts: stable names templates and drafts refer to, shared by Reports and
/// the capabilities' <see cref="IReportSection"/>s (which fill them).
/// </summary>
public static class ReportKeys
{
    public static class Sections
    {
        public const string Opinions = "opinions";
        public const string Concerns = "concerns";
        public const string Surveys = "surveys";
        public const string Publish = "publish";
        public const string Claims = "claims";
        public const string Monitoring = "monitoring";
        public const string Dialogue = "dialogue";

        public static readonly IReadOnlyList<string> All = [Opinions, Concerns, Surveys, Publish, Claims, Monitoring, Dialogue];
    }

    // Opinion reports (báo cáo dư luận xã hội)
    public const string OpinionsReports = "opinions.reports";
    public const string OpinionsStreams = "opinions.streams";
    public const string OpinionsByTopic = "opinions.by_topic";
    public const string OpinionsByTendency = "opinions.by_tendency";

    // Concerns and cases (phản ánh, kiến nghị)
    public const string ConcernsReceived = "concerns.received";
    public const string ConcernsAnswered = "concerns.answered";
    public const string ConcernsOnTimePercent = "concerns.on_time_percent";
    public const string ConcernsOverdue = "concerns.overdue";
    public const string ConcernsMedianDays = "concerns.median_days";
    public const string ConcernsCases = "concerns.cases";
    public const string ConcernsByAgency = "concerns.by_agency";
    public const string ConcernsByCategory = "concerns.by_category";

    // Surveys (khảo sát)
    public const string SurveysRun = "surveys.run";
    public const string SurveysResponses = "surveys.responses";
    public const string SurveysBySurvey = "surveys.by_survey";

    // Publishing (kênh chính thống)
    public const string PublishPosts = "publish.posts";
    public const string PublishReach = "publish.reach";
    public const string PublishInteractions = "publish.interactions";
    public const string PublishByChannel = "publish.by_channel";

    // Claims (thông tin sai sự thật)
    public const string ClaimsRegistered = "claims.registered";
    public const string ClaimsRebutted = "claims.rebutted";
    public const string ClaimsByVerdict = "claims.by_verdict";

    // Monitoring (theo dõi báo chí, mạng)
    public const string MonitoringStories = "monitoring.stories";
    public const string MonitoringAlerts = "monitoring.alerts";
    public const string MonitoringByTopic = "monitoring.by_topic";
}
