using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The office side of the agency loop on a case: internal notes and decisions on re-route requests.</summary>
public sealed partial class DetailsModel
{
    public sealed record RerouteRow(RerouteRequest Request, string From, string? To);

    public List<CaseNote> Notes { get; private set; } = [];

    public List<RerouteRow> Reroutes { get; private set; } = [];

    public List<Unit> Agencies { get; private set; } = [];

    public List<AttachmentRow> Attachments { get; private set; } = [];

    public RerouteRequest? PendingReroute => Reroutes.Select(r => r.Request).FirstOrDefault(r => r.Decision == RerouteDecision.Pending);

    public async Task<IActionResult> OnPostNoteAsync(long id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanHandle)
        {
            return NotFound();
        }

        if (!CaseNotes.TryClean(text, out var clean, out var error))
        {
            ModelState.AddModelError("text", l[error]);
            return Page();
        }

        await responder.AddNoteAsync(id, clean, ct);
        return Redirect($"/Cases/Details?id={id}");
    }

    /// <summary>Accepts (with the agency that takes the case) or refuses (with a reason) the pending re-route request.</summary>
    public async Task<IActionResult> OnPostRerouteAsync(long id, long requestId, bool accept, long? agencyId, string? note, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanHandle)
        {
            return NotFound();
        }

        var pending = PendingReroute;
        note = TypedText.PublicAnswerOrNull(note);
        if (pending is null || pending.Id != requestId)
        {
            ModelState.AddModelError(string.Empty, l["Respond.Reroute.NoneOpen"]);
        }
        else if (accept && (agencyId is not { } to || to == Case.AgencyId || Agencies.All(a => a.Id != to)))
        {
            ModelState.AddModelError("agencyId", l["Cases.BadAgency"]);
        }
        else if (!accept && note is null)
        {
            ModelState.AddModelError("note", l["Respond.Reroute.RefuseReason"]);
        }
        else if (note?.Length > 2000)
        {
            ModelState.AddModelError("note", l["Cases.TooLong"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        var request = await db.RerouteRequests.SingleAsync(r => r.Id == requestId, ct);
        if (!await responder.DecideRerouteAsync(tracked, request, accept ? agencyId : null, note, version, ct))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError(string.Empty, l["Cases.Stale"]);
            return Page();
        }

        return Redirect($"/Cases/Details?id={id}");
    }

    private async Task LoadRespondAsync(long id, CancellationToken ct)
    {
        Notes = await CaseNotes.ForCaseAsync(db, id, ct);
        Attachments = await AttachmentsModel.ForCaseAsync(db, id, ct);
        Reroutes = await db.RerouteRequests.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new RerouteRow(r, db.Units.Where(u => u.Id == r.FromAgencyId).Select(u => u.Name).First(), db.Units.Where(u => u.Id == r.ToAgencyId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(ct);
        if (CanHandle)
        {
            var units = await access.UnitsAsync(CaseRoles.Handlers, ct);
            Agencies = await units.Where(u => u.Kind == UnitKind.Agency && u.ActiveTo == null).OrderBy(u => u.Name).ToListAsync(ct);
        }
    }
}
