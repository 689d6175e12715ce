using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Admins of the whole tree maintain the public holidays that case deadlines skip.</summary>
public sealed class HolidaysAdminModel(AppDbContext db, UnitScope scope, Holidays holidays, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cases.Holidays.Date")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Cases.Holidays.Name")]
    public string Name { get; set; } = string.Empty;

    public List<Holiday> List { get; private set; } = [];

    public int ShownYear => Year ?? clock.GetUtcNow().Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid && await db.Holidays.AnyAsync(h => h.Date == Date, ct))
        {
            ModelState.AddModelError(nameof(Date), l["Cases.Holidays.Exists"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var date = Date!.Value;
        db.Holidays.Add(new Holiday { Date = date, Name = Name.Trim() });
        audit.Add(CaseAudit.HolidayAdded, target: date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), detail: Name.Trim());
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var holiday = await IsTreeAdminAsync(ct) ? await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct) : null;
        if (holiday is null)
        {
            return NotFound();
        }

        db.Holidays.Remove(holiday);
        audit.Add(CaseAudit.HolidayRemoved, target: holiday.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), detail: holiday.Name);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { year = holiday.Date.Year });
    }

    public async Task<IActionResult> OnPostSeedAsync(CancellationToken ct)
    {
        if (!await IsTreeAdminAsync(ct) || ShownYear is < 2000 or > 2200)
        {
            return NotFound();
        }

        await using var transaction = await audit.BeginAsync(ct);
        var added = await holidays.SeedFixedAsync(ShownYear, ct);
        await audit.WriteAsync(CaseAudit.HolidayAdded, detail: $"fixed dates {ShownYear}: {added}", cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return RedirectToPage(new { year = ShownYear });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        List = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
    }

    private async Task<bool> IsTreeAdminAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2200)
        {
            return false;
        }

        var paths = await scope.PathsAsync(Permission.ManageUnits, ct);
        return paths.Count > 0 && await db.Units.AnyAsync(u => u.ParentId == null && paths.Contains(u.Path), ct);
    }
}
