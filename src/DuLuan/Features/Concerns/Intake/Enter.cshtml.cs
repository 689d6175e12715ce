using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// Staff enter a concern heard by phone, on paper or at a meeting. It goes through the same intake as
/// the portal (cleaned, redacted, contact encrypted, duplicates collapsed), then the concern page shows
/// the open case it looks like, ready to join.
/// </summary>
[RequestFormLimits(ValueLengthLimit = 16 * 1024, ValueCountLimit = 20)]
public sealed class EnterModel(UnitScope access, ConcernIntake intake, UnitActivity activity, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly ConcernSource[] Sources = [ConcernSource.Phone, ConcernSource.Paper, ConcernSource.Meeting];

    [BindProperty]
    public long UnitId { get; set; }

    [BindProperty]
    public ConcernSource Source { get; set; } = ConcernSource.Phone;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Title")]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Description")]
    public string Description { get; set; } = string.Empty;

    [BindProperty]
    [StringLength(254, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Concerns.Field.Email")]
    public string? Email { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Concerns.Field.Phone")]
    public string? Phone { get; set; }

    public List<Unit> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // A value that does not even bind ("abc", "99") gets the same named message as one out of scope.
        var bound = Bound(nameof(UnitId));
        if (!bound || Places.All(p => p.Id != UnitId))
        {
            // A place of the member's scope that was merged or split away names its successor.
            var units = await access.UnitsAsync(CaseRoles.Handlers, ct);
            var retired = bound && await units.AnyAsync(u => u.Id == UnitId, ct) ? await activity.RefusalAsync(UnitId, ct) : null;
            ModelState.AddModelError(nameof(UnitId), retired ?? l["Concerns.Enter.BadPlace"]);
        }

        if (!Bound(nameof(Source)) || !Sources.Contains(Source))
        {
            ModelState.AddModelError(nameof(Source), l["Concerns.Enter.BadSource"]);
        }

        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        if (Email is not null && (!MailAddress.TryCreate(Email, out var address) || address.Address != Email))
        {
            ModelState.AddModelError(nameof(Email), l["Validation.Email", l["Concerns.Field.Email"]]);
        }

        if (Phone is not null && !SubmitModel.PhonePattern().IsMatch(Phone))
        {
            ModelState.AddModelError(nameof(Phone), l["Concerns.PhoneInvalid"]);
        }

        if (ModelState.IsValid && (TypedText.StripHtml(Title).Length < 5 || TypedText.StripHtml(Description).Length < 10))
        {
            ModelState.AddModelError(nameof(Description), l["Concerns.NoText"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await intake.SubmitAsync(new ConcernDraft(UnitId, Title, Description, new Contact(Email, Phone), Source), ct);
        return Redirect($"/Concerns/Details?id={result.ConcernId}");
    }

    private bool Bound(string key)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            return false;
        }

        return true;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await access.HasAnyAsync(CaseRoles.Handlers, ct))
        {
            return false;
        }

        var units = await access.UnitsAsync(CaseRoles.Handlers, ct);
        Places = await activity.Active(units.AsNoTracking())
            .Where(u => u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province)
            .OrderBy(u => u.Path).Take(2000).ToListAsync(ct);
        return true;
    }
}
