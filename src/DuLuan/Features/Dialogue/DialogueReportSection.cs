using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Cases;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// The report's section on dialogues held in the period: sessions, questions put to them (residents' and those drawn
/// from concerns and opinions), commitments made, and commitments whose case was answered by its deadline.
/// </summary>
public sealed class DialogueReportSection(AppDbContext db, ICaseOpener cases) : IReportSection
{
    public const string Sessions = "dialogue.sessions";
    public const string Questions = "dialogue.questions";
    public const string Commitments = "dialogue.commitments";
    public const string KeptOnTime = "dialogue.commitments_on_time";

    public string Key => ReportKeys.Sections.Dialogue;

    private IQueryable<DialogueSession> Held(string prefix, ReportWindow w)
        => db.DialogueSessions.AsNoTracking()
            .Where(s => s.HeldAt != null && s.HeldAt >= w.FromUtc && s.HeldAt < w.ToUtc)
            .Join(ReportSubtree.Of(db, prefix), s => s.UnitId, u => u.Id, (s, u) => s);

    private sealed record Counts(long Sessions, long Questions, long Commitments, long KeptOnTime);

    private async Task<Counts> CountAsync(string prefix, ReportWindow w, CancellationToken ct)
    {
        var held = Held(prefix, w);
        var sessions = await held.CountAsync(ct);
        var questions = await db.DialogueQuestions.Where(q => held.Any(s => s.Id == q.SessionId)).CountAsync(ct);
        var caseIds = await db.DialogueCommitments.Where(c => held.Any(s => s.Id == c.SessionId)).Select(c => c.CaseId).ToListAsync(ct);
        var progress = await cases.ProgressAsync(caseIds, ct);
        return new Counts(sessions, questions, caseIds.Count, progress.Values.Count(p => p.KeptOnTime && p.AnsweredAtUtc <= w.NowUtc));
    }

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var now = await CountAsync(c.Prefix, c.Current, ct);
        var before = await CountAsync(c.Prefix, c.Previous, ct);
        return new ReportSection(
            ReportKeys.Sections.Dialogue,
            ReportWords.Of("Dialogue.Report.Title"),
            [
                c.Count(Sessions, ReportWords.Of("Dialogue.Report.Sessions"), now.Sessions, before.Sessions),
                // The others count questions and commitments, not sessions: no drill-down list of their own yet.
                new Figure(Questions, ReportWords.Of("Dialogue.Report.Questions"), now.Questions, before.Questions, FigureKind.Count, null),
                new Figure(Commitments, ReportWords.Of("Dialogue.Report.Commitments"), now.Commitments, before.Commitments, FigureKind.Count, null),
                new Figure(KeptOnTime, ReportWords.Of("Dialogue.Report.KeptOnTime"), now.KeptOnTime, before.KeptOnTime, FigureKind.Count, null),
            ],
            [],
            []);
    }

    /// <summary>The sessions held in the window.</summary>
    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (Sessions, null) => new(k.Key, ReportWords.Of("Dialogue.Report.Sessions"),
            Held(prefix, w).OrderByDescending(s => s.HeldAt).ThenByDescending(s => s.Id).Select(s => new DrillRow("dialogue", s.Id, s.Title, s.HeldAt, null, s.UnitId, null)), false),
        _ => null,
    };

    public string? Link(DrillRow row)
        => row.Kind == "dialogue" ? "/Dialogue/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;
}
