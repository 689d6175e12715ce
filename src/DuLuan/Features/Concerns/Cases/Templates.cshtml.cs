using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Answer templates of one agency, kept by its lead (or an admin above it). Other agencies are not found.</summary>
public sealed class TemplatesModel(AppDbContext db, UnitScope access, TimeProvider clock) : PageModel
{
    public static readonly Role[] Keepers = [Role.Lead, Role.Admin];

    [BindProperty(SupportsGet = true)]
    public long AgencyId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
    [Display(Name = "Respond.Templates.Name")]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Respond.Templates.Body")]
    public string Body { get; set; } = string.Empty;

    public Unit Agency { get; private set; } = null!;

    public List<AnswerTemplate> List { get; private set; } = [];

    public static async Task<IQueryable<Unit>> AgenciesLedAsync(UnitScope access, CancellationToken ct)
        => (await access.UnitsAsync(Keepers, ct)).Where(u => u.Kind == UnitKind.Agency);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.AnswerTemplates.Add(new AnswerTemplate { AgencyId = AgencyId, Title = TypedText.Label(Title), Body = TypedText.Label(Body), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Templates?agencyId={AgencyId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long templateId, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Only this agency's template: another agency's id is simply not found.
        var removed = await db.AnswerTemplates.Where(t => t.Id == templateId && t.AgencyId == AgencyId).ExecuteDeleteAsync(ct);
        return removed == 0 ? NotFound() : Redirect($"/Cases/Templates?agencyId={AgencyId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var agency = await (await AgenciesLedAsync(access, ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == AgencyId, ct);
        if (agency is null)
        {
            return false;
        }

        Agency = agency;
        List = await db.AnswerTemplates.AsNoTracking().Where(t => t.AgencyId == AgencyId).OrderBy(t => t.Title).ToListAsync(ct);
        return true;
    }
}
