using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns;

/// <summary>
/// The concerns and cases behind every figure of the report's concerns section, as queries: the figures count them
/// (through <see cref="ConcernsReportSums"/>) and the drill-down pages them, so a figure and its list cannot disagree.
/// </summary>
public static class ConcernsReportQueries
{
    public static IQueryable<Concern> ConcernsReceived(AppDbContext db, string prefix, ReportWindow w)
        => db.Concerns.AsNoTracking()
            .Where(c => c.ReceivedAt >= w.FromUtc && c.ReceivedAt < w.ToUtc && c.Status != ConcernStatus.Held && c.Status != ConcernStatus.Dismissed)
            .Join(ReportSubtree.Of(db, prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public static IQueryable<Case> Cases(AppDbContext db, string prefix)
        => db.Cases.AsNoTracking().Join(ReportSubtree.Of(db, prefix), c => c.UnitId, u => u.Id, (c, u) => c);

    public static IQueryable<Case> CasesReceived(AppDbContext db, string prefix, ReportWindow w)
        => Cases(db, prefix).Where(c => c.CreatedAt >= w.FromUtc && c.CreatedAt < w.ToUtc);

    public static IQueryable<Case> CasesAnswered(AppDbContext db, string prefix, ReportWindow w)
        => Cases(db, prefix).Where(c => c.AnsweredAt >= w.FromUtc && c.AnsweredAt < w.ToUtc);

    /// <summary>Cases whose deadline fell in the period (and has passed): each owed an answer by then. Rejected cases owe none.</summary>
    public static IQueryable<Case> CasesDue(AppDbContext db, string prefix, ReportWindow w)
        => Cases(db, prefix).Where(c => c.Status != CaseStatus.Rejected && c.DueAt >= w.FromUtc && c.DueAt < w.ToUtc && c.DueAt <= w.NowUtc);

    /// <summary>Due in the period and answered late or not at all.</summary>
    public static IQueryable<Case> CasesOverdue(AppDbContext db, string prefix, ReportWindow w)
        => CasesDue(db, prefix, w).Where(c => c.AnsweredAt == null || c.AnsweredAt > c.DueAt);

    public static IQueryable<Case> CasesOnTime(AppDbContext db, string prefix, ReportWindow w)
        => CasesDue(db, prefix, w).Where(c => c.AnsweredAt != null && c.AnsweredAt <= c.DueAt);
}
