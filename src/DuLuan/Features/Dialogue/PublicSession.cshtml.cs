using DuLuan.Data;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// One dialogue on the place's site: when and how it is carried, who answers; while it collects, a question form
/// (anonymous: nothing but the redacted question and the hash of its code is kept); once published, the questions and
/// answers with the commitments made and their cases.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DialogueServices.AskPolicy)]
public sealed class PublicSessionModel(AppDbContext db, DialogueWorkflow workflow, PublicWriteAdmission admission, SentForms sent, TimeProvider clock) : PageModel
{
    public DialoguePlace Place { get; private set; } = null!;

    public DialogueSession Session { get; private set; } = null!;

    public List<AnsweredQuestion> Answers { get; private set; } = [];

    [BindProperty]
    public string? Question { get; set; }

    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    /// <summary>This form's key (<see cref="SentForms"/>): the same form sent twice stores one question.</summary>
    [BindProperty]
    public string? FormKey { get; set; }

    public string? ErrorKey { get; private set; }

    /// <summary>Shown once after sending.</summary>
    public string? Code { get; private set; }

    public string? CodeQr { get; private set; }

    public bool Collecting => Session.Status == DialogueStatus.Collecting && Session.StartsAt > clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string unitCode, long id, CancellationToken ct)
    {
        FormKey = SentForms.NewKey();
        return await LoadAsync(unitCode, id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string unitCode, long id, CancellationToken ct)
    {
        if (!await LoadAsync(unitCode, id, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ErrorKey = "Dialogue.Error.Refused";
            return Page();
        }

        using var turn = await admission.TryEnterAsync(HttpContext);
        if (turn is null)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ErrorKey = "PublicWrites.Busy";
            return Page();
        }

        var tracked = await db.DialogueSessions.SingleAsync(s => s.Id == id, ct);
        // Not the request's token: a browser sending the form again cancels the first request, whose question must
        // still be stored once and its code shown in the second answer.
        var (_, code, error) = await sent.OnceAsync("dialogue-question:" + id, FormKey, () => workflow.AskAsync(tracked, Question, CancellationToken.None));
        FormKey = SentForms.NewKey();
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ErrorKey = error;
            return Page();
        }

        Code = QuestionCode.Format(code!);
        CodeQr = QrImage.SvgDataUri($"{Request.Scheme}://{Request.Host}{Place.FollowUpPath}#ma={Code}", 6);
        Question = null;
        return Page();
    }

    private async Task<bool> LoadAsync(string unitCode, long id, CancellationToken ct)
    {
        var place = await DialogueQueries.PlaceAsync(db, unitCode, ct);
        var session = place is null ? null : await DialogueQueries.SessionsOf(db, place).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (place is null || session is null)
        {
            return false;
        }

        Place = place;
        Session = session;
        if (session.Status == DialogueStatus.Published)
        {
            Answers = await DialogueQueries.PickedAsync(db, id, approvedOnly: true, ct);
        }

        return true;
    }
}
