using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.PublicSite;

/// <summary>How to reach the office of a place: its official name and code and the public ways in (form, follow-up).</summary>
[AllowAnonymous]
public sealed class ContactModel(PublicPlaces places, AppDbContext db) : PageModel
{
    public PublicPlace Place { get; private set; } = null!;

    /// <summary>What the office wrote for residents (null: nothing yet, only the name and the ways in).</summary>
    public PlaceContact? Details { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = await places.ByCodeAsync(unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        Details = await db.PlaceContacts.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == place.Id, ct);
        return Page();
    }
}
