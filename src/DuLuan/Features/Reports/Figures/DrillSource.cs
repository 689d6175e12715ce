using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>One record behind a figure. <see cref="Value"/> is its share of a sum (reach, interactions), else null.</summary>
public sealed record DrillRow(string Kind, long LinkId, string Title, DateTime? At, DateOnly? Day, long UnitId, long? Value);

/// <summary>A drill-down list: what it is, and the query of its rows (newest first).</summary>
public sealed record DrillList(string Key, string Title, IQueryable<DrillRow> Rows, bool Sums)
{
    /// <summary>The sum of the rows' values, for lists that have them (computed over the records, not the rows).</summary>
    public Func<CancellationToken, Task<long>>? SumAsync { get; init; }
}

/// <summary>
/// The records behind each figure and table row, from the same <see cref="FigureQueries"/> the figures count, so
/// the length of a list is the figure. Keys are <see cref="ReportKeys"/> and "key:value" row keys (<see cref="FigureKeys"/>).
/// </summary>
public sealed class DrillSource(AppDbContext db, FigureQueries q)
{
    public const int MaxKeyLength = 200;

    /// <summary>Null when the key names no list (or a row value that cannot exist).</summary>
    public DrillList? Find(string prefix, ReportWindow w, string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? key : key[..colon];
        var arg = colon < 0 ? null : key[(colon + 1)..];
        return (head, arg) switch
        {
            (ReportKeys.OpinionsReports, null) => new(key, "Báo cáo dư luận xã hội", Reports(q.OpinionReports(prefix, w)), false),
            (ReportKeys.OpinionsStreams, null) => new(key, "Luồng dư luận", Streams(q.OpinionStreams(prefix, w)), false),
            (ReportKeys.OpinionsByTopic, { Length: > 0 } folded) => new(key, "Luồng dư luận theo chủ đề", Streams(q.OpinionStreams(prefix, w).Where(s => s.Topic!.NameFolded == folded)), false),
            (ReportKeys.OpinionsByTendency, { } t) when Enum.TryParse<Tendency>(t, false, out var tendency) && Enum.IsDefined(tendency) && !char.IsDigit(t[0])
                => new(key, "Luồng dư luận: " + ReportFigureSource.TendencyLabel(tendency), Streams(q.OpinionStreams(prefix, w).Where(s => s.Tendency == tendency)), false),
            (ReportKeys.ConcernsReceived, null) => new(key, "Phản ánh, kiến nghị tiếp nhận", Concerns(q.ConcernsReceived(prefix, w)), false),
            ("concerns.by_source", { } s) when Enum.TryParse<ConcernSource>(s, false, out var source) && Enum.IsDefined(source) && !char.IsDigit(s[0])
                => new(key, "Phản ánh qua " + ReportFigureSource.SourceLabel(source), Concerns(q.ConcernsReceived(prefix, w).Where(c => c.Source == source)), false),
            (ReportKeys.ConcernsCases, null) => new(key, "Vụ việc tạo mới", Cases(q.CasesReceived(prefix, w), c => c.CreatedAt), false),
            (ReportKeys.ConcernsAnswered or ReportKeys.ConcernsMedianDays, null) => new(key, "Vụ việc đã trả lời", Cases(q.CasesAnswered(prefix, w), c => c.AnsweredAt), false),
            (FigureKeys.CasesDue or ReportKeys.ConcernsOnTimePercent, null) => new(key, "Vụ việc đến hạn trả lời trong kỳ", Cases(q.CasesDue(prefix, w), c => c.DueAt), false),
            (FigureKeys.CasesOnTime, null) => new(key, "Vụ việc trả lời đúng hạn", Cases(q.CasesOnTime(prefix, w), c => c.DueAt), false),
            (ReportKeys.ConcernsOverdue, null) => new(key, "Vụ việc quá hạn", Cases(q.CasesOverdue(prefix, w), c => c.DueAt), false),
            (ReportKeys.ConcernsByAgency, "none") => new(key, "Vụ việc chưa giao cơ quan", Cases(q.CasesReceived(prefix, w).Where(c => c.AgencyId == null), c => c.CreatedAt), false),
            (ReportKeys.ConcernsByAgency, { } a) when long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var agency) && agency > 0
                => new(key, "Vụ việc tạo mới theo cơ quan xử lý", Cases(q.CasesReceived(prefix, w).Where(c => c.AgencyId == agency), c => c.CreatedAt), false),
            (ReportKeys.ConcernsByCategory, { } s) when Enum.TryParse<Severity>(s, false, out var severity) && Enum.IsDefined(severity) && !char.IsDigit(s[0])
                => new(key, "Vụ việc tạo mới: " + ReportFigureSource.SeverityLabel(severity), Cases(q.CasesReceived(prefix, w).Where(c => c.Severity == severity), c => c.CreatedAt), false),
            (ReportKeys.SurveysRun, null) => new(key, "Cuộc khảo sát có phiếu trong kỳ", q.SurveysRun(prefix, w).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                .Select(s => new DrillRow("survey", s.Id, s.Title, s.CreatedAt, null, s.UnitId, null)), false),
            (ReportKeys.SurveysResponses, null) => new(key, "Phiếu trả lời", Responses(prefix, w, null), false),
            (ReportKeys.SurveysBySurvey, { } s) when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var survey)
                => new(key, "Phiếu trả lời theo cuộc khảo sát", Responses(prefix, w, survey), false),
            (ReportKeys.PublishPosts, null) => new(key, "Bài đã đăng", q.PostsPublished(prefix, w).OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                .Select(p => new DrillRow("post", p.Id, p.Title, p.PublishedAt, null, p.UnitId, null)), false),
            (ReportKeys.PublishReach, null) => new(key, "Lượt tiếp cận theo bài", Metrics(prefix, w, null, reach: true), true) { SumAsync = ct => MetricSumAsync(prefix, w, null, true, ct) },
            (ReportKeys.PublishInteractions, null) => new(key, "Lượt tương tác theo bài", Metrics(prefix, w, null, reach: false), true) { SumAsync = ct => MetricSumAsync(prefix, w, null, false, ct) },
            (ReportKeys.PublishByChannel, { Length: > 0 } channel) => new(key, "Lượt tiếp cận theo bài trên " + channel, Metrics(prefix, w, channel, reach: true), true) { SumAsync = ct => MetricSumAsync(prefix, w, channel, true, ct) },
            (ReportKeys.ClaimsRegistered, null) => new(key, "Thông tin cần kiểm chứng", q.ClaimsRegistered(prefix, w).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Select(c => new DrillRow("claim", c.Id, c.Text, c.CreatedAt, null, c.UnitId, null)), false),
            (ReportKeys.ClaimsRebutted, null) => new(key, "Đã phản bác công khai", q.ClaimsRebutted(prefix, w).OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
                .Select(c => new DrillRow("claim", c.Id, c.Text, c.PublishedAt, null, c.UnitId, null)), false),
            (ReportKeys.MonitoringStories, null) => new(key, "Sự việc được theo dõi", q.Stories(prefix, w).OrderByDescending(s => s.FirstSeenAt).ThenByDescending(s => s.Id)
                .Select(s => new DrillRow("story", s.Id, s.Title, s.FirstSeenAt, null, s.UnitId, null)), false),
            (ReportKeys.MonitoringAlerts, null) => new(key, "Cảnh báo", q.Alerts(prefix, w).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Select(a => new DrillRow(a.Kind == Monitoring.AlertKind.Story ? "story" : "alert", a.Kind == Monitoring.AlertKind.Story ? a.SubjectId : a.Id, a.ReasonVi, a.CreatedAt, null, a.UnitId, null)), false),
            _ => null,
        };
    }

    public static string? Link(DrillRow row) => row.Kind switch
    {
        "case" => "/Cases/Details?id=" + Id(row),
        "concern" => "/Concerns/Details?id=" + Id(row),
        "report" => "/Opinions/Report?id=" + Id(row),
        "survey" => "/Surveys/Results?id=" + Id(row),
        "post" => "/Publish/Posts/Details?id=" + Id(row),
        "claim" => "/Claims/Details?id=" + Id(row),
        "story" => "/Monitoring/Story/" + Id(row),
        _ => null,
    };

    private static string Id(DrillRow row) => row.LinkId.ToString(CultureInfo.InvariantCulture);

    private static IQueryable<DrillRow> Reports(IQueryable<OpinionReport> reports)
        => reports.OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id)
            .Select(r => new DrillRow("report", r.Id, "", null, r.PeriodStart, r.UnitId, null));

    private IQueryable<DrillRow> Streams(IQueryable<OpinionStream> streams)
        => streams.Join(db.OpinionReports, s => s.ReportId, r => r.Id, (s, r) => new { s, r })
            .OrderByDescending(x => x.r.PeriodStart).ThenByDescending(x => x.s.Id)
            .Select(x => new DrillRow("report", x.r.Id, x.s.Topic!.Name + ": " + x.s.Summary, null, x.r.PeriodStart, x.r.UnitId, null));

    private static IQueryable<DrillRow> Concerns(IQueryable<Concern> concerns)
        => concerns.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("concern", c.Id, c.Title, c.ReceivedAt, null, c.UnitId, null));

    private static IQueryable<DrillRow> Cases(IQueryable<Case> cases, System.Linq.Expressions.Expression<Func<Case, DateTime?>> when)
        => cases.OrderByDescending(when).ThenByDescending(c => c.Id)
            .Select(c => new DrillRow("case", c.Id, c.Title, c.CreatedAt, null, c.UnitId, null));

    private IQueryable<DrillRow> Responses(string prefix, ReportWindow w, long? survey)
        => q.SurveyResponses(prefix, w)
            .Where(r => survey == null || r.SurveyId == survey)
            .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { r, s.Title })
            .OrderByDescending(x => x.r.ReceivedOn).ThenByDescending(x => x.r.Id)
            .Select(x => new DrillRow("survey", x.r.SurveyId, x.Title, null, x.r.ReceivedOn, x.r.UnitId, null));

    private Task<long> MetricSumAsync(string prefix, ReportWindow w, string? channel, bool reach, CancellationToken ct)
        => reach
            ? q.PostMetrics(prefix, w).Where(m => channel == null || m.Channel == channel).SumAsync(m => m.Reach, ct)
            : q.PostMetrics(prefix, w).Where(m => channel == null || m.Channel == channel).SumAsync(m => m.Reactions + m.Comments + m.Shares, ct);

    /// <summary>One row per post with its reach (or interactions) summed over the period's days.</summary>
    private IQueryable<DrillRow> Metrics(string prefix, ReportWindow w, string? channel, bool reach)
        => q.PostMetrics(prefix, w)
            .Where(m => channel == null || m.Channel == channel)
            .GroupBy(m => m.PostId)
            .Select(g => new { PostId = g.Key, Value = reach ? g.Sum(m => m.Reach) : g.Sum(m => m.Reactions + m.Comments + m.Shares) })
            .Join(db.Posts, x => x.PostId, p => p.Id, (x, p) => new { x.Value, p })
            .OrderByDescending(x => x.Value).ThenByDescending(x => x.p.Id)
            .Select(x => new DrillRow("post", x.p.Id, x.p.Title, x.p.PublishedAt, null, x.p.UnitId, x.Value));
}
