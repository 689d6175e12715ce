using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// A case as its agency sees it: answer with a template or free text, start work, ask the office to
/// re-route with a reason, keep internal notes. Cases of other agencies are not found (404).
/// </summary>
public sealed class RespondModel(Routing.CategoryCatalog catalog, AppDbContext db, CaseResponder responder, CaseWorkflow workflow, CaseAnswerMail residentMail, IStringLocalizer<SharedResource> l) : PageModel
{
    public Case Case { get; private set; } = null!;

    /// <summary>Where the problems of the case's concerns are, as the residents gave them (never redacted).</summary>
    public List<Intake.ConcernWhereView> Places { get; private set; } = [];

    public string UnitName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public List<CaseEvent> History { get; private set; } = [];

    public List<CaseNote> Notes { get; private set; } = [];

    public List<AnswerTemplate> Templates { get; private set; } = [];

    public RerouteRequest? PendingReroute { get; private set; }

    public List<AttachmentRow> Attachments { get; private set; } = [];

    public bool CanAnswer => CaseWorkflow.CanMove(Case.Status, CaseStatus.Answered);

    public bool CanStart => Case.Status is CaseStatus.Assigned or CaseStatus.Reopened;

    public bool CanReroute => PendingReroute is null && Case.IsOpenForAgency;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(long id, int version, long? templateId, string? answer, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        answer = TypedText.PublicAnswerOrNull(answer);
        if (templateId is { } tid)
        {
            var template = Templates.FirstOrDefault(t => t.Id == tid);
            if (template is null)
            {
                ModelState.AddModelError("templateId", l["Respond.BadTemplate"]);
            }
            else
            {
                answer ??= template.Body;
            }
        }

        if (!CanAnswer)
        {
            ModelState.AddModelError(string.Empty, l["Cases.BadStep"]);
        }
        else if (answer is null)
        {
            ModelState.AddModelError("answer", l["Cases.AnswerRequired"]);
        }
        else if (answer.Length > 4000)
        {
            ModelState.AddModelError("answer", l["Cases.TooLong"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        return await responder.AnswerAsync(tracked, answer!, null, version, ct) ? Done(id) : await StaleAsync(id, ct);
    }

    public async Task<IActionResult> OnPostStartAsync(long id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanStart)
        {
            ModelState.AddModelError(string.Empty, l["Cases.BadStep"]);
            return Page();
        }

        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        if (!await workflow.MoveAsync(tracked, CaseStatus.InProgress, null, version, ct))
        {
            return await StaleAsync(id, ct);
        }

        await residentMail.SendStatusAsync(tracked, ct);
        return Done(id);
    }

    public async Task<IActionResult> OnPostRerouteAsync(long id, int version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        reason = TypedText.PublicAnswerOrNull(reason);
        if (!CanReroute)
        {
            ModelState.AddModelError(string.Empty, l["Respond.Reroute.NotNow"]);
        }
        else if (reason is null || reason.Length < 5)
        {
            ModelState.AddModelError("reason", l["Respond.Reroute.ReasonRequired"]);
        }
        else if (reason.Length > 2000)
        {
            ModelState.AddModelError("reason", l["Cases.TooLong"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        return await responder.RequestRerouteAsync(tracked, reason!, version, ct) ? Done(id) : await StaleAsync(id, ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CaseNotes.TryClean(text, out var clean, out var error))
        {
            ModelState.AddModelError("text", l[error]);
            return Page();
        }

        await responder.AddNoteAsync(id, clean, ct);
        return Done(id);
    }

    private RedirectResult Done(long id) => Redirect($"/Cases/Respond?id={id}");

    private async Task<IActionResult> StaleAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        ModelState.AddModelError(string.Empty, l["Cases.Stale"]);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var cases = await responder.AgencyCasesAsync(ct);
        var item = await cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Case = item;
        Places = await Intake.ConcernWhereQueries.ForCaseAsync(db, catalog, item.Id, ct);
        UnitName = await db.Units.Where(u => u.Id == item.UnitId).Select(u => u.Name).FirstAsync(ct);
        AgencyName = await db.Units.Where(u => u.Id == item.AgencyId).Select(u => u.Name).FirstAsync(ct);
        History = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        Notes = await CaseNotes.ForCaseAsync(db, id, ct);
        Templates = await db.AnswerTemplates.AsNoTracking().Where(t => t.AgencyId == item.AgencyId).OrderBy(t => t.Title).ToListAsync(ct);
        Attachments = await AttachmentsModel.ForCaseAsync(db, id, ct);
        PendingReroute = await db.RerouteRequests.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == id && r.Decision == RerouteDecision.Pending, ct);
        return true;
    }
}
