using DuLuan.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// Follow a question with its private code: received, grouped with similar questions, picked for the session, and the
/// answer once published. A grouped question follows the question that leads its group. The code is the only key.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DialogueServices.FollowUpPolicy)]
public sealed class PublicFollowUpModel(AppDbContext db) : PageModel
{
    public sealed record Progress(string Question, string SessionTitle, string SessionPath, DateTime ReceivedAt, string StageKey, string? Answer, string? Speaker);

    public DialoguePlace Place { get; private set; } = null!;

    public Progress? Found { get; private set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = await DialogueQueries.PlaceAsync(db, unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unitCode, [FromForm] string? code, CancellationToken ct)
    {
        var page = await OnGetAsync(unitCode, ct);
        if (page is not PageResult)
        {
            return page;
        }

        var normalized = QuestionCode.Normalize(code);
        var hash = normalized is null ? null : QuestionCode.Hash(normalized);
        var question = hash is null ? null : await db.DialogueQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.FollowUpHash == hash, ct);
        if (question is null)
        {
            ErrorKey = "Dialogue.FollowUp.NotFound";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var session = await db.DialogueSessions.AsNoTracking().SingleAsync(s => s.Id == question.SessionId, ct);
        var lead = question.GroupId is { } groupId ? await db.DialogueQuestions.AsNoTracking().SingleAsync(q => q.Id == groupId, ct) : question;
        var published = session.Status == DialogueStatus.Published && lead.Stage == QuestionStage.Approved;
        var stage = published ? "Dialogue.Stage.Answered"
            : lead.Stage != QuestionStage.Received ? "Dialogue.Stage.Picked"
            : question.GroupId is not null ? "Dialogue.Stage.Grouped"
            : "Dialogue.Stage.Received";
        var sessionCode = await db.Units.AsNoTracking().Where(u => u.Id == session.UnitId).Select(u => u.Code).FirstOrDefaultAsync(ct);
        var sessionPath = sessionCode is null ? Place.SessionPath(session.Id) : new DialoguePlace(0, sessionCode, string.Empty, string.Empty).SessionPath(session.Id);
        Found = new Progress(question.Text, session.Title, sessionPath, question.ReceivedAt, stage, published ? lead.Answer : null, published ? lead.Speaker : null);
        return Page();
    }
}
