using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Infrastructure.Cases;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// After the session: it is marked held, each commitment made becomes a case with its deadline (through the kernel's
/// <see cref="ICaseOpener"/>, in the same transaction as the commitment and its audit entry), and the questions with
/// their approved answers are published on the place's site.
/// </summary>
public sealed class DialogueClosing(AppDbContext db, AuditLog audit, ICaseOpener cases, OfficeTime office, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<string?> HoldAsync(DialogueSession session, CancellationToken ct)
    {
        if (session.Status != DialogueStatus.Collecting)
        {
            return "Dialogue.Error.AlreadyHeld";
        }

        if (session.StartsAt > Now)
        {
            return "Dialogue.Error.NotYetTime";
        }

        session.Status = DialogueStatus.Held;
        session.HeldAt = Now;
        audit.Add(DialogueWorkflow.Actions.Held, session.UnitId, Target(session));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A commitment made answering a picked question: a case about the session's place, due on the day promised.</summary>
    public async Task<string?> CommitAsync(DialogueSession session, DialogueQuestion question, string? typed, DateOnly? due, CancellationToken ct)
    {
        if (session.Status == DialogueStatus.Collecting)
        {
            return "Dialogue.Error.NotHeld";
        }

        if (question.SessionId != session.Id || question.Stage != QuestionStage.Approved)
        {
            return "Dialogue.Error.CommitmentNeedsAnswer";
        }

        var text = TypedText.PublicAnswer(typed ?? string.Empty);
        if (text.Length == 0)
        {
            return "Dialogue.Error.CommitmentRequired";
        }

        if (text.Length > DialogueCommitment.MaxText)
        {
            return "Dialogue.Error.CommitmentTooLong";
        }

        if (due is not { } day || day <= office.Today || day > office.Today.AddYears(5))
        {
            return "Dialogue.Error.BadDue";
        }

        // The end of the promised day in the office's zone.
        var dueAt = office.StartUtc(day.AddDays(1)).AddMinutes(-1);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var title = new Message("Dialogue.CommitmentCaseTitle", Shorten(text, 150)).Vietnamese;
        var description = new Message("Dialogue.CommitmentCaseText", session.Title, office.DayText(session.HeldAt ?? session.StartsAt), question.Text, text).Vietnamese;
        var opened = await cases.OpenAsync(new CaseRequest(session.UnitId, question.AgencyId, title, description, dueAt, new Message("Dialogue.CommitmentCaseNote", session.Title).Vietnamese), ct);
        var commitment = new DialogueCommitment { SessionId = session.Id, QuestionId = question.Id, Text = text, DueAt = dueAt, CaseId = opened.Id, CaseRef = opened.PublicRef, CreatedAt = Now };
        db.DialogueCommitments.Add(commitment);
        audit.Add(DialogueWorkflow.Actions.Committed, session.UnitId, Target(session), "case=" + opened.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Puts the session's questions and approved answers on the place's site.</summary>
    public async Task<string?> PublishAsync(DialogueSession session, CancellationToken ct)
    {
        if (session.Status != DialogueStatus.Held)
        {
            return "Dialogue.Error.NotHeld";
        }

        if (!await db.DialogueQuestions.AnyAsync(q => q.SessionId == session.Id && q.Stage == QuestionStage.Approved, ct))
        {
            return "Dialogue.Error.NoApprovedAnswer";
        }

        session.Status = DialogueStatus.Published;
        session.PublishedAt = Now;
        audit.Add(DialogueWorkflow.Actions.Published, session.UnitId, Target(session));
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string Target(DialogueSession s) => "dialogue:" + s.Id.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
