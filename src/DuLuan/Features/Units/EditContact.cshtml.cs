using System.Net.Mail;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Units;

/// <summary>
/// The office contact of a commune or province, shown on its public page /cong/{code}/lien-he (a detail of the unit, kept
/// here beside the unit; the public site only reads it). Those who write the place's posts (editor, lead, admin of it or above) write how residents reach its office (address, phone, e-mail, hours) for its public contact page.
/// Only the office's own channels belong here: the help says so. Each change is audited in the same save.
/// </summary>
public sealed class EditContactModel(AppDbContext db, UnitScope scope, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Action = "public.contact-changed";

    public string PlaceName { get; private set; } = string.Empty;

    /// <summary>The place's public home, whose contact page shows what is written here.</summary>
    public string PlaceHome { get; private set; } = string.Empty;

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Hours { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }

        var contact = await db.PlaceContacts.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        (Address, Phone, Email, Hours) = (contact?.Address, contact?.Phone, contact?.Email, contact?.Hours);
        Saved = Request.Query.ContainsKey("saved");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long unitId, CancellationToken ct)
    {
        if (!await LoadAsync(unitId, ct))
        {
            return NotFound();
        }

        Address = Clean(Address, PlaceContact.MaxAddress, nameof(Address), "Public.ContactEdit.Address");
        Phone = Clean(Phone, PlaceContact.MaxPhone, nameof(Phone), "Public.ContactEdit.Phone");
        Email = Clean(Email, PlaceContact.MaxEmail, nameof(Email), "Public.ContactEdit.Email");
        Hours = Clean(Hours, PlaceContact.MaxHours, nameof(Hours), "Public.ContactEdit.Hours");
        if (Phone is not null && !Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
        {
            ModelState.AddModelError(nameof(Phone), l["Public.ContactEdit.BadPhone"]);
        }

        if (Email is not null && (!MailAddress.TryCreate(Email, out var parsed) || parsed.Address != Email))
        {
            ModelState.AddModelError(nameof(Email), l["Public.ContactEdit.BadEmail"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var contact = await db.PlaceContacts.FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        if (contact is null)
        {
            contact = new PlaceContact { UnitId = unitId };
            db.PlaceContacts.Add(contact);
        }

        (contact.Address, contact.Phone, contact.Email, contact.Hours) = (Address, Phone, Email, Hours);
        contact.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(Action, unitId, $"unit:{unitId}");
        await db.SaveChangesAsync(ct);
        return Redirect($"/PublicSite/Contact/{unitId}?saved=1");
    }

    private string? Clean(string? typed, int max, string field, string label)
    {
        var text = typed is null ? null : TypedText.Label(typed).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            ModelState.AddModelError(field, l["Public.ContactEdit.TooLong", l[label], max]);
        }

        return text;
    }

    private async Task<bool> LoadAsync(long unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit?.Code is null || unit.Kind is not (UnitKind.Commune or UnitKind.Province) || !await scope.HoldsAsync(unit.Id, RoleTable.WritePosts.Roles, ct))
        {
            return false;
        }

        PlaceName = unit.Name;
        PlaceHome = "/cong/" + Uri.EscapeDataString(unit.Code);
        return true;
    }
}
