using System.ComponentModel.DataAnnotations;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Units;

/// <summary>Admins add agencies, committees and teams under any unit of their subtree.</summary>
public sealed class CreateModel(UnitScope scope, UnitTree tree, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly UnitKind[] ChildKinds = [UnitKind.Agency, UnitKind.Committee, UnitKind.Team, UnitKind.Other];

    [BindProperty(SupportsGet = true)]
    public long ParentId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.Name")]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Field.Kind")]
    public UnitKind Kind { get; set; } = UnitKind.Agency;

    public Unit Parent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadParentAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadParentAsync(ct))
        {
            return NotFound();
        }

        if (!ChildKinds.Contains(Kind))
        {
            ModelState.AddModelError(nameof(Kind), l["Validation.Kind"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await audit.BeginAsync(ct);
        var unit = await tree.AddChildAsync(Parent, Name, Kind, null, ct);
        await audit.WriteAsync(AuditActions.UnitCreated, unit.Id, unit.Name, $"kind={Kind}", ct);
        await transaction.CommitAsync(ct);
        return Redirect($"/Units/Details?id={unit.Id}");
    }

    private async Task<bool> LoadParentAsync(CancellationToken ct)
    {
        var manageable = await scope.UnitsAsync(Permission.ManageUnits, ct);
        var parent = await manageable.FirstOrDefaultAsync(u => u.Id == ParentId, ct);
        Parent = parent!;
        return parent is not null;
    }
}
