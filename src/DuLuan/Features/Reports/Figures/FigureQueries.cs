using DuLuan.Data;
using DuLuan.Features.Claims;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Monitoring;
using DuLuan.Features.Opinions;
using DuLuan.Features.Publish;
using DuLuan.Features.Surveys;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// The record sets behind every figure, as queries: the dashboard counts them and the drill-down pages them, so
/// a figure and its list cannot disagree. A subtree is a join with units on a path prefix, never a list of ids.
/// </summary>
public sealed class FigureQueries(AppDbContext db)
{
    public IQueryable<Unit> Subtree(string prefix) => db.Units.AsNoTracking().Where(u => u.Path.StartsWith(prefix));

    public IQueryable<Concern> ConcernsReceived(string prefix, ReportWindow w)
        => db.Concerns.AsNoTracking()
            .Where(c => c.ReceivedAt >= w.FromUtc && c.ReceivedAt < w.ToUtc && c.Status != ConcernStatus.Held && c.Status != ConcernStatus.Dismissed)
            .Join(Subtree(prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public IQueryable<Case> Cases(string prefix)
        => db.Cases.AsNoTracking().Join(Subtree(prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public IQueryable<Case> CasesReceived(string prefix, ReportWindow w)
        => Cases(prefix).Where(c => c.CreatedAt >= w.FromUtc && c.CreatedAt < w.ToUtc);

    public IQueryable<Case> CasesAnswered(string prefix, ReportWindow w)
        => Cases(prefix).Where(c => c.AnsweredAt >= w.FromUtc && c.AnsweredAt < w.ToUtc);

    /// <summary>Cases whose deadline fell in the period (and has passed): each owed an answer by then. Rejected cases owe none.</summary>
    public IQueryable<Case> CasesDue(string prefix, ReportWindow w)
        => Cases(prefix).Where(c => c.Status != CaseStatus.Rejected && c.DueAt >= w.FromUtc && c.DueAt < w.ToUtc && c.DueAt <= w.NowUtc);

    /// <summary>Due in the period and answered late or not at all.</summary>
    public IQueryable<Case> CasesOverdue(string prefix, ReportWindow w)
        => CasesDue(prefix, w).Where(c => c.AnsweredAt == null || c.AnsweredAt > c.DueAt);

    public IQueryable<Case> CasesOnTime(string prefix, ReportWindow w)
        => CasesDue(prefix, w).Where(c => c.AnsweredAt != null && c.AnsweredAt <= c.DueAt);

    public IQueryable<OpinionReport> OpinionReports(string prefix, ReportWindow w)
        => db.OpinionReports.AsNoTracking()
            .Where(r => r.PeriodStart >= w.Start && r.PeriodStart <= w.End)
            .Join(Subtree(prefix), r => r.UnitId, u => u.Id, (r, u) => r);

    public IQueryable<OpinionStream> OpinionStreams(string prefix, ReportWindow w)
        => db.OpinionStreams.AsNoTracking().Join(OpinionReports(prefix, w), s => s.ReportId, r => r.Id, (s, r) => s);

    public IQueryable<SurveyResponse> SurveyResponses(string prefix, ReportWindow w)
        => db.SurveyResponses.AsNoTracking()
            .Where(r => r.ReceivedOn >= w.Start && r.ReceivedOn <= w.End)
            .Join(Subtree(prefix), r => r.UnitId, u => u.Id, (r, u) => r);

    /// <summary>Surveys of the subtree's units that received at least one response in the period (from anywhere).</summary>
    public IQueryable<Survey> SurveysRun(string prefix, ReportWindow w)
        => db.Surveys.AsNoTracking()
            .Join(Subtree(prefix), s => s.UnitId, u => u.Id, (s, u) => s)
            .Where(s => db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.ReceivedOn >= w.Start && r.ReceivedOn <= w.End));

    public IQueryable<Post> PostsPublished(string prefix, ReportWindow w)
        => db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.PublishedAt >= w.FromUtc && p.PublishedAt < w.ToUtc)
            .Join(Subtree(prefix), p => p.UnitId, u => u.Id, (p, u) => p);

    public IQueryable<PostMetric> PostMetrics(string prefix, ReportWindow w)
        => db.PostMetrics.AsNoTracking()
            .Where(m => m.Day >= w.Start && m.Day <= w.End)
            .Join(Subtree(prefix), m => m.UnitId, u => u.Id, (m, u) => m);

    public IQueryable<Claim> ClaimsRegistered(string prefix, ReportWindow w)
        => db.Claims.AsNoTracking()
            .Where(c => c.CreatedAt >= w.FromUtc && c.CreatedAt < w.ToUtc)
            .Join(Subtree(prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    /// <summary>Claims whose public rebuttal went out in the period.</summary>
    public IQueryable<Claim> ClaimsRebutted(string prefix, ReportWindow w)
        => db.Claims.AsNoTracking()
            .Where(c => c.PublishedAt >= w.FromUtc && c.PublishedAt < w.ToUtc)
            .Join(Subtree(prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public IQueryable<Story> Stories(string prefix, ReportWindow w)
        => db.Stories.AsNoTracking()
            .Where(s => s.FirstSeenAt >= w.FromUtc && s.FirstSeenAt < w.ToUtc)
            .Join(Subtree(prefix), s => s.UnitId, u => u.Id, (s, u) => s);

    public IQueryable<Alert> Alerts(string prefix, ReportWindow w)
        => db.Alerts.AsNoTracking()
            .Where(a => a.CreatedAt >= w.FromUtc && a.CreatedAt < w.ToUtc)
            .Join(Subtree(prefix), a => a.UnitId, u => u.Id, (a, u) => a);
}
