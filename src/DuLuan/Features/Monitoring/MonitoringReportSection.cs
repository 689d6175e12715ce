using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>The report's section on press and social media monitoring: stories followed and alerts raised.</summary>
public sealed class MonitoringReportSection(AppDbContext db) : IReportSection
{
    public string Key => ReportKeys.Sections.Monitoring;

    public static string AlertLabel(AlertKind kind) => kind switch
    {
        AlertKind.Topic => ReportWords.Of("Monitoring.Report.Alert.Topic"),
        AlertKind.Story => ReportWords.Of("Monitoring.Report.Alert.Story"),
        _ => ReportWords.Of("Monitoring.Report.Alert.Feed"),
    };

    public IQueryable<Story> Stories(string prefix, ReportWindow w)
        => db.Stories.AsNoTracking()
            .Where(s => s.FirstSeenAt >= w.FromUtc && s.FirstSeenAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), s => s.UnitId, u => u.Id, (s, u) => s);

    public IQueryable<Alert> Alerts(string prefix, ReportWindow w)
        => db.Alerts.AsNoTracking()
            .Where(a => a.CreatedAt >= w.FromUtc && a.CreatedAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), a => a.UnitId, u => u.Id, (a, u) => a);

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var stories = await Stories(c.Prefix, c.Current).LongCountAsync(ct);
        var storiesBefore = await Stories(c.Prefix, c.Previous).LongCountAsync(ct);
        var alerts = await Alerts(c.Prefix, c.Current).LongCountAsync(ct);
        var alertsBefore = await Alerts(c.Prefix, c.Previous).LongCountAsync(ct);
        var kinds = await Alerts(c.Prefix, c.Current).GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var rows = kinds.OrderBy(k => k.Key).Select(k => new FigureRow(AlertLabel(k.Key), [k.Count], null)).ToList();
        return new ReportSection(
            ReportKeys.Sections.Monitoring,
            ReportWords.Of("Monitoring.Report.Title"),
            [
                c.Count(ReportKeys.MonitoringStories, ReportWords.Of("Monitoring.Report.Stories"), stories, storiesBefore),
                c.Count(ReportKeys.MonitoringAlerts, ReportWords.Of("Monitoring.Report.Alerts"), alerts, alertsBefore),
            ],
            [new FigureTable(ReportKeys.MonitoringByTopic, ReportWords.Of("Monitoring.Report.ByKind"), [ReportWords.Of("Reports.Section.Count")], rows)],
            []);
    }

    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (ReportKeys.MonitoringStories, null) => new(k.Key, ReportWords.Of("Monitoring.Report.Stories"), Stories(prefix, w).OrderByDescending(s => s.FirstSeenAt).ThenByDescending(s => s.Id)
            .Select(s => new DrillRow("story", s.Id, s.Title, s.FirstSeenAt, null, s.UnitId, null)), false),
        (ReportKeys.MonitoringAlerts, null) => new(k.Key, ReportWords.Of("Monitoring.Report.Alerts"), Alerts(prefix, w).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new DrillRow(a.Kind == AlertKind.Story ? "story" : "alert", a.Kind == AlertKind.Story ? a.SubjectId : a.Id, ReportWords.InEnglish ? a.ReasonEn : a.ReasonVi, a.CreatedAt, null, a.UnitId, null)), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "story" ? "/Monitoring/Story/" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;
}
