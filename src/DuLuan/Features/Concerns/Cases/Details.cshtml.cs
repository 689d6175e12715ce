using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>One case: deadline, status history, answer; handlers move it along its workflow.</summary>
public sealed partial class DetailsModel(AppDbContext db, UnitScope access, CaseWorkflow workflow, CaseResponder responder, CaseAnswerMail residentMail, Routing.CategoryCatalog catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    public Case Case { get; private set; } = null!;

    /// <summary>Where the problems of the case's concerns are, as the residents gave them (never redacted).</summary>
    public List<Intake.ConcernWhereView> Places { get; private set; } = [];

    public string UnitName { get; private set; } = string.Empty;

    public string? AgencyName { get; private set; }

    public string? CategoryName { get; private set; }

    public List<CaseEvent> History { get; private set; } = [];

    public bool CanHandle { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long id, CaseStatus status, string? note, string? answer, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanHandle)
        {
            return NotFound();
        }

        note = TypedText.PublicAnswerOrNull(note);
        answer = TypedText.PublicAnswerOrNull(answer);
        if (!Enum.IsDefined(status) || !CaseWorkflow.CanMove(Case.Status, status))
        {
            ModelState.AddModelError("status", l["Cases.BadStep"]);
        }
        else if (status == CaseStatus.Rejected && note is null)
        {
            ModelState.AddModelError("note", l["Cases.ReasonRequired"]);
        }
        else if (status == CaseStatus.Answered && answer is null)
        {
            ModelState.AddModelError("answer", l["Cases.AnswerRequired"]);
        }
        else if (note?.Length > 2000 || answer?.Length > 4000)
        {
            ModelState.AddModelError("note", l["Cases.TooLong"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        var moved = status == CaseStatus.Answered
            ? await responder.AnswerAsync(tracked, answer!, note, version, ct)
            : await workflow.MoveAsync(tracked, status, note, version, ct);
        if (!moved)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, l["Cases.Stale"]);
            return Page();
        }

        if (status != CaseStatus.Answered)
        {
            await residentMail.SendStatusAsync(tracked, ct);
        }

        return Redirect($"/Cases/Details?id={id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var visible = await access.InScope(db.Cases.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        var item = await visible.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Case = item;
        Places = await Intake.ConcernWhereQueries.ForCaseAsync(db, catalog, item.Id, ct);
        UnitName = await db.Units.Where(u => u.Id == item.UnitId).Select(u => u.Name).FirstAsync(ct);
        AgencyName = await db.Units.Where(u => u.Id == item.AgencyId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        CategoryName = (await catalog.FindAsync(item.UnitId, item.Category, ct))?.Shown;
        History = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        CanHandle = await access.HoldsAsync(item.UnitId, CaseRoles.Handlers, ct);
        await LoadRespondAsync(id, ct);
        return true;
    }
}
