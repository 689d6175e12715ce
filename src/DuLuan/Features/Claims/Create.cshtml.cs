using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Claims;

/// <summary>Registers a claim: the unit and what is said. Where it appeared and the evidence come next, on its page.</summary>
public sealed class CreateModel(UnitScope access, ClaimEditor editor, UnitActivity activity, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Unit> Units { get; private set; } = [];

    public string? Text { get; private set; }

    public long? UnitId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = (await ClaimRoles.HandledUnitsAsync(access, ct)).Where(u => !activity.IsRetired(u)).ToList();
        return Units.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long unitId, string? text, CancellationToken ct)
    {
        if (!await access.HoldsAsync(unitId, ClaimRoles.Handlers, ct))
        {
            return NotFound();
        }

        if (await activity.RefusalAsync(unitId, ct) is { } retired)
        {
            Units = (await ClaimRoles.HandledUnitsAsync(access, ct)).Where(u => !activity.IsRetired(u)).ToList();
            Text = text;
            ModelState.AddModelError("UnitId", retired);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (claim, error) = await editor.CreateAsync(unitId, text, ct);
        if (claim is not null)
        {
            return Redirect($"/Claims/Details?id={claim.Id}");
        }

        Units = (await ClaimRoles.HandledUnitsAsync(access, ct)).Where(u => !activity.IsRetired(u)).ToList();
        Text = text;
        UnitId = unitId;
        ModelState.AddModelError(error!.Field, $"{l["Claims.Field." + error.Field]}: {l[error.Key]}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
