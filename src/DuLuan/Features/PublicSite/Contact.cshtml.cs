using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.PublicSite;

/// <summary>How to reach the office of a place: its official name and code and the public ways in (form, follow-up).</summary>
[AllowAnonymous]
public sealed class ContactModel(PublicPlaces places) : PageModel
{
    public PublicPlace Place { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = await places.ByCodeAsync(unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        return Page();
    }
}
