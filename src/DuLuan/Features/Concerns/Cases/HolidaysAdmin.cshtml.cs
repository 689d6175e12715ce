using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The days off that case deadlines skip. Admins of the tree's root keep the national holidays (and may keep any
/// province's days off); a province's admins keep their province's own days off and see the national ones. Another
/// owner's id, or a holiday of another owner, is "not found".
/// </summary>
public sealed class HolidaysAdminModel(AppDbContext db, UnitScope scope, Holidays holidays, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The owner shown: a root (the national list) or a province; the first manageable one when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? UnitId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cases.Holidays.Date")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Cases.Holidays.Name")]
    public string Name { get; set; } = string.Empty;

    public List<Unit> Owners { get; private set; } = [];

    public Unit Owner { get; private set; } = null!;

    /// <summary>Whether the owner shown is a root: its list is the national one.</summary>
    public bool National => Owner.ParentId is null;

    public List<Holiday> List { get; private set; } = [];

    /// <summary>National holidays shown beside a province's own list (read only there).</summary>
    public List<Holiday> NationalList { get; private set; } = [];

    public int ShownYear => Year ?? clock.GetUtcNow().Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChooseOwnerAsync(ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await ChooseOwnerAsync(ct))
        {
            return NotFound();
        }

        var ownerId = OwnerColumn;
        if (ModelState.IsValid && await db.Holidays.AnyAsync(h => h.UnitId == ownerId && h.Date == Date, ct))
        {
            ModelState.AddModelError(nameof(Date), l["Cases.Holidays.Exists"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        var date = Date!.Value;
        var name = TypedText.Label(Name);
        db.Holidays.Add(new Holiday { UnitId = ownerId, Date = date, Name = name });
        audit.Add(CaseAudit.HolidayAdded, ownerId, DateText(date), name);
        await db.SaveChangesAsync(ct);
        return Redirect(Here(date.Year));
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await ChooseOwnerAsync(ct))
        {
            return NotFound();
        }

        var ownerId = OwnerColumn;
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id && h.UnitId == ownerId, ct);
        if (holiday is null)
        {
            return NotFound();
        }

        db.Holidays.Remove(holiday);
        audit.Add(CaseAudit.HolidayRemoved, ownerId, DateText(holiday.Date), holiday.Name);
        await db.SaveChangesAsync(ct);
        return Redirect(Here(holiday.Date.Year));
    }

    /// <summary>Adds the year's national holidays (solar and lunar): the root's admins only.</summary>
    public async Task<IActionResult> OnPostSeedAsync(CancellationToken ct)
    {
        if (!await ChooseOwnerAsync(ct) || !National)
        {
            return NotFound();
        }

        await using var transaction = await audit.BeginAsync(ct);
        var added = await holidays.SeedFixedAsync(ShownYear, ct);
        await audit.WriteAsync(CaseAudit.HolidayAdded, detail: $"fixed dates {ShownYear}: {added}", cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return Redirect(Here(ShownYear));
    }

    public string Here(int year) => $"/Cases/Holidays?unitId={Owner.Id.ToString(CultureInfo.InvariantCulture)}&year={year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The holidays' UnitId column for the owner shown: null for the national list.</summary>
    private long? OwnerColumn => National ? null : Owner.Id;

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        var ownerId = OwnerColumn;
        var rows = await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to && (h.UnitId == null || h.UnitId == ownerId))
            .OrderBy(h => h.Date).ToListAsync(ct);
        List = rows.Where(h => h.UnitId == ownerId).ToList();
        NationalList = National ? [] : rows.Where(h => h.UnitId == null).ToList();
    }

    /// <summary>The roots and provinces the member administers; false when there is none or the one asked for is not among them.</summary>
    private async Task<bool> ChooseOwnerAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2200 || UnitId is <= 0)
        {
            return false;
        }

        var manageable = await scope.UnitsAsync(Permission.ManageUnits, ct);
        Owners = await manageable.Where(u => u.ParentId == null || u.Kind == UnitKind.Province).OrderBy(u => u.Path).ToListAsync(ct);
        Owner = (UnitId is { } wanted ? Owners.FirstOrDefault(u => u.Id == wanted) : Owners.FirstOrDefault())!;
        return Owner is not null;
    }
}
