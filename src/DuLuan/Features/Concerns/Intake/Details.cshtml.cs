using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>One concern: its redacted text, the open case it resembles (join it), and, for those who answer, the contact (each view audited).</summary>
public sealed class DetailsModel(AppDbContext db, UnitScope access, ContactVault vault, AuditLog audit, Routing.CategoryCatalog catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    public Concern Concern { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public (long Id, string Title)? Similar { get; private set; }

    public bool CanHandle { get; private set; }

    public bool CanReadContact { get; private set; }

    public Contact? Contact { get; private set; }

    public bool HasPhoto { get; private set; }

    public ConcernPlace Where => new(Concern.Location, Concern.Latitude, Concern.Longitude);

    /// <summary>The concern's category in its province's words (null when none was chosen).</summary>
    public string? CategoryName { get; private set; }

    /// <summary>The concern's photo, to staff who may read the concern only (already stripped of metadata when it came).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var photo = await db.ConcernPhotos.AsNoTracking().Where(p => p.ConcernId == id).Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct);
        if (photo is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        // Only the two types the form accepts are served as images; anything else stored is plain bytes.
        return File(photo.Content, photo.ContentType is "image/jpeg" or "image/png" ? photo.ContentType : "application/octet-stream");
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostContactAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanReadContact)
        {
            return NotFound();
        }

        if (Concern.ContactProtected is { } protectedContact)
        {
            Contact = vault.Unprotect(protectedContact);
            await audit.WriteAsync(AuditActions.PersonalDataRead, Concern.UnitId, $"concern:{Concern.Id.ToString(CultureInfo.InvariantCulture)}", "contact", ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(long id, long caseId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanHandle)
        {
            return NotFound();
        }

        var cases = await access.InScope(db.Cases, c => c.UnitId, CaseRoles.Handlers, ct);
        var target = await cases.FirstOrDefaultAsync(c => c.Id == caseId && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected, ct);
        if (target is null)
        {
            ModelState.AddModelError(string.Empty, l["Concerns.NoSuchCase"]);
            return Page();
        }

        var tracked = await db.Concerns.SingleAsync(c => c.Id == id, ct);
        tracked.CaseId = target.Id;
        tracked.Status = ConcernStatus.Linked;
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Details?id={target.Id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var visible = await access.InScope(db.Concerns.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        var concern = await visible.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (concern is null)
        {
            return false;
        }

        Concern = concern;
        HasPhoto = await db.ConcernPhotos.AnyAsync(p => p.ConcernId == concern.Id, ct);
        CategoryName = (await catalog.FindAsync(concern.UnitId, concern.Category, ct))?.Shown;
        UnitName = await db.Units.Where(u => u.Id == concern.UnitId).Select(u => u.Name).FirstAsync(ct);
        CanHandle = await access.HoldsAsync(concern.UnitId, CaseRoles.Handlers, ct);
        CanReadContact = await access.HoldsAsync(concern.UnitId, CaseRoles.ContactReaders, ct);
        if (concern.CaseId is null && concern.SimilarCaseId is { } similarId)
        {
            var similar = await db.Cases.Where(c => c.Id == similarId && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
                .Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
            Similar = similar is null ? null : (similar.Id, similar.Title);
        }

        return true;
    }
}
