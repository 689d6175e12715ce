using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>
/// A province's categories and routing rules, kept by the admins of that province (the tree's root admins for every
/// province). Every change is audited in the same save. Ids of another province's records are "not found".
/// </summary>
public sealed partial class CategoriesAdminModel(AppDbContext db, UnitScope scope, CategoryCatalog catalog, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Province { get; set; }

    public Unit Owner { get; private set; } = null!;

    public List<Unit> Owners { get; private set; } = [];

    public List<Category> List { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string? key, string? nameVi, string? nameEn, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        key = key?.Trim() ?? string.Empty;
        if (key.Length > Category.MaxKeyLength || !KeyPattern().IsMatch(key))
        {
            ModelState.AddModelError("key", l["Routing.BadKey", Category.MaxKeyLength]);
        }
        else if (List.Any(c => c.Key == key))
        {
            ModelState.AddModelError("key", l["Routing.KeyExists"]);
        }

        var names = CheckNames(nameVi, nameEn);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var category = new Category { ProvinceId = Owner.Id, Key = key, NameVi = names.Vi, NameEn = names.En, Position = (List.Count == 0 ? 0 : List.Max(c => c.Position)) + 10 };
        db.Categories.Add(category);
        audit.Add(CaseAudit.CategoryAdded, Owner.Id, $"category {key}", names.Vi);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Categories?province={Owner.Id}");
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? nameVi, string? nameEn, int? position, CancellationToken ct)
    {
        var category = await LoadAsync(ct) ? await db.Categories.FirstOrDefaultAsync(c => c.Id == id && c.ProvinceId == Owner.Id, ct) : null;
        if (category is null)
        {
            return NotFound();
        }

        var names = CheckNames(nameVi, nameEn);
        if (position is < 0 or > 100_000)
        {
            ModelState.AddModelError("position", l["Routing.BadPosition"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        category.NameVi = names.Vi;
        category.NameEn = names.En;
        category.Position = position ?? category.Position;
        audit.Add(CaseAudit.CategoryEdited, Owner.Id, $"category {category.Key}", names.Vi);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Categories?province={Owner.Id}");
    }

    /// <summary>Retires (no longer offered, rules kept but idle) or restores a category; records filed under it keep its name.</summary>
    public async Task<IActionResult> OnPostRetireAsync(long id, bool retired, CancellationToken ct)
    {
        var category = await LoadAsync(ct) ? await db.Categories.FirstOrDefaultAsync(c => c.Id == id && c.ProvinceId == Owner.Id, ct) : null;
        if (category is null)
        {
            return NotFound();
        }

        category.Retired = retired;
        audit.Add(retired ? CaseAudit.CategoryRetired : CaseAudit.CategoryRestored, Owner.Id, $"category {category.Key}", category.NameVi);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Cases/Categories?province={Owner.Id}");
    }

    private (string Vi, string En) CheckNames(string? nameVi, string? nameEn)
    {
        var vi = TypedText.Label(nameVi ?? string.Empty).Trim();
        var en = TypedText.Label(nameEn ?? string.Empty).Trim();
        if (vi.Length is < 2 or > Category.MaxNameLength)
        {
            ModelState.AddModelError("nameVi", l["Routing.BadName", l["Routing.NameVi"], Category.MaxNameLength]);
        }

        if (en.Length is < 2 or > Category.MaxNameLength)
        {
            ModelState.AddModelError("nameEn", l["Routing.BadName", l["Routing.NameEn"], Category.MaxNameLength]);
        }

        return (vi, en);
    }

    /// <summary>The lists the member keeps: provinces (and a root without a province) inside their ManageUnits scope.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Province is <= 0)
        {
            return false;
        }

        var manageable = await scope.UnitsAsync(Permission.ManageUnits, ct);
        Owners = await manageable.Where(u => u.Kind == UnitKind.Province || u.ParentId == null).OrderBy(u => u.Path).ToListAsync(ct);
        Owner = (Province is { } wanted ? Owners.FirstOrDefault(u => u.Id == wanted) : Owners.FirstOrDefault())!;
        if (Owner is null)
        {
            return false;
        }

        List = await catalog.ListAsync(Owner.Id, includeRetired: true, ct);
        await LoadRulesAsync(ct);
        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KeyPattern();
}
