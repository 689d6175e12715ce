using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>The agency's queue of dialogue questions sent to it: a draft answer and who speaks it, for the lead to approve.</summary>
public sealed class AnswersModel(AppDbContext db, UnitScope access, DialogueWorkflow workflow) : PageModel
{
    public sealed record Item(DialogueQuestion Question, DialogueSession Session, string Agency);

    public List<Item> Items { get; private set; } = [];

    public string? ErrorKey { get; private set; }

    public long? ErrorQuestion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromForm] long questionId, [FromForm] string? answer, [FromForm] string? speaker, CancellationToken ct)
    {
        var mine = await access.InScope(db.DialogueQuestions, q => q.AgencyId!.Value, DialogueRoles.Answerers, ct);
        var question = await mine.FirstOrDefaultAsync(q => q.Id == questionId && q.AgencyId != null, ct);
        if (question is null)
        {
            return NotFound();
        }

        var session = await db.DialogueSessions.SingleAsync(s => s.Id == question.SessionId, ct);
        var error = await workflow.DraftAsync(session, question, answer, speaker, access.MemberId!, ct);
        if (error is null)
        {
            return Redirect("/Dialogue/Answers");
        }

        db.ChangeTracker.Clear();
        ErrorKey = error;
        ErrorQuestion = questionId;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = await access.InScope(db.DialogueQuestions.AsNoTracking(), q => q.AgencyId!.Value, DialogueRoles.Answerers, ct);
        Items = await mine.Where(q => q.AgencyId != null && (q.Stage == QuestionStage.WithAgency || q.Stage == QuestionStage.Drafted))
            .Join(db.DialogueSessions.AsNoTracking().Where(s => s.Status != DialogueStatus.Published), q => q.SessionId, s => s.Id, (q, s) => new { q, s })
            .OrderBy(x => x.s.StartsAt).ThenBy(x => x.q.Position)
            .Select(x => new Item(x.q, x.s, db.Units.Where(u => u.Id == x.q.AgencyId).Select(u => u.Name).First()))
            .Take(200).ToListAsync(ct);
    }
}
