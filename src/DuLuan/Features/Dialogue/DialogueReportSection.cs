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

    private IQueryable<DialogueQuestion> Asked(string prefix, ReportWindow w)
    {
        var held = Held(prefix, w);
        return db.DialogueQuestions.AsNoTracking().Where(q => held.Any(s => s.Id == q.SessionId));
    }

    private IQueryable<DialogueCommitment> Committed(string prefix, ReportWindow w)
    {
        var held = Held(prefix, w);
        return db.DialogueCommitments.AsNoTracking().Where(c => held.Any(s => s.Id == c.SessionId));
    }

    private IQueryable<DialogueCommitment> Kept(string prefix, ReportWindow w)
    {
        // EXISTS per commitment (a seek on the case's id), not IN (every case answered on time): SQLite built that list
        // of 650,000 ids for each window, 1.1 s of CPU per dashboard among 1,000,000 cases even with no commitment.
        var onTime = cases.AnsweredOnTime(w.NowUtc);
        return Committed(prefix, w).Where(c => onTime.Any(id => id == c.CaseId));
    }

    private sealed record Counts(long Sessions, long Questions, long Commitments, long KeptOnTime);

    private async Task<Counts> CountAsync(string prefix, ReportWindow w, CancellationToken ct)
        => new(
            await Held(prefix, w).CountAsync(ct),
            await Asked(prefix, w).CountAsync(ct),
            await Committed(prefix, w).CountAsync(ct),
            await Kept(prefix, w).CountAsync(ct));

    public async Task<ReportSection> ComputeAsync(ReportSectionContext c, CancellationToken ct)
    {
        var now = await CountAsync(c.Prefix, c.Current, ct);
        var before = await CountAsync(c.Prefix, c.Previous, ct);
        return new ReportSection(
            ReportKeys.Sections.Dialogue,
            ReportWords.Of("Dialogue.Report.Title"),
            [
                c.Count(Sessions, ReportWords.Of("Dialogue.Report.Sessions"), now.Sessions, before.Sessions),
                c.Count(Questions, ReportWords.Of("Dialogue.Report.Questions"), now.Questions, before.Questions),
                c.Count(Commitments, ReportWords.Of("Dialogue.Report.Commitments"), now.Commitments, before.Commitments),
                c.Count(KeptOnTime, ReportWords.Of("Dialogue.Report.KeptOnTime"), now.KeptOnTime, before.KeptOnTime),
            ],
            [],
            []);
    }

    /// <summary>The sessions held in the window, their questions, their commitments and those kept on time.</summary>
    public DrillList? Drill(string prefix, ReportWindow w, DrillKey k) => (k.Head, k.Arg) switch
    {
        (Sessions, null) => new(k.Key, ReportWords.Of("Dialogue.Report.Sessions"),
            Held(prefix, w).OrderByDescending(s => s.HeldAt).ThenByDescending(s => s.Id).Select(s => new DrillRow("dialogue", s.Id, s.Title, s.HeldAt, null, s.UnitId, null)), false),
        (Questions, null) => new(k.Key, ReportWords.Of("Dialogue.Report.Questions"),
            Asked(prefix, w).Join(db.DialogueSessions, q => q.SessionId, s => s.Id, (q, s) => new { q, s })
                .OrderByDescending(x => x.s.HeldAt).ThenBy(x => x.q.Id)
                .Select(x => new DrillRow("dialogue", x.s.Id, x.q.Text, x.s.HeldAt, null, x.s.UnitId, null)), false),
        (Commitments, null) => CommitmentList(k, ReportWords.Of("Dialogue.Report.Commitments"), Committed(prefix, w)),
        (KeptOnTime, null) => CommitmentList(k, ReportWords.Of("Dialogue.Report.KeptOnTime"), Kept(prefix, w)),
        _ => null,
    };

    private DrillList CommitmentList(DrillKey k, string title, IQueryable<DialogueCommitment> commitments)
        => new(k.Key, title,
            commitments.Join(db.DialogueSessions, c => c.SessionId, s => s.Id, (c, s) => new { c, s })
                .OrderBy(x => x.c.DueAt).ThenBy(x => x.c.Id)
                .Select(x => new DrillRow("dialogue", x.s.Id, x.c.Text, x.c.DueAt, null, x.s.UnitId, null)), false);

    public string? Link(DrillRow row)
        => row.Kind == "dialogue" ? "/Dialogue/Details?id=" + row.LinkId.ToString(CultureInfo.InvariantCulture) : null;
}
