using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Opinions;

/// <summary>For the lead: collaborators of their subtree who have not filed for their current period, and each one's cadence.</summary>
public sealed class MissingModel(UnitScope access, Cadences cadences, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<CollaboratorStatus> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.HasAnyAsync(OpinionRoles.Leads, ct))
        {
            return NotFound();
        }

        Rows = await cadences.StatusAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long membershipId, string? cadence, CancellationToken ct)
    {
        if (!await access.HasAnyAsync(OpinionRoles.Leads, ct))
        {
            return NotFound();
        }

        if (StreamValidator.ParseName<Cadence>(cadence) is not { } value)
        {
            Error = l["Opinions.Missing.BadCadence"];
            Rows = await cadences.StatusAsync(ct);
            return Page();
        }

        return await cadences.SetAsync(membershipId, value, ct) ? RedirectToPage() : NotFound();
    }
}
