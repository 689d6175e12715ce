using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>One published bulletin: its audio and, beside it, its text for people who cannot hear it.</summary>
[AllowAnonymous]
public sealed class PublicBulletinModel(PublicBulletins bulletins, Data.AppDbContext db) : PageModel
{
    public PublicBulletins.Place Place { get; private set; } = null!;

    public PublicBulletins.Item Item { get; private set; } = null!;

    public List<BulletinItem> Sources { get; private set; } = [];

    public string AudioPath => Place.BulletinsPath + "/" + Item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".mp3";

    public async Task<IActionResult> OnGetAsync(string unitCode, long id, CancellationToken ct)
    {
        if (await bulletins.PlaceAsync(unitCode, ct) is not { } place || await bulletins.Published(place, id).FirstOrDefaultAsync(ct) is not { } item)
        {
            return NotFound();
        }

        Place = place;
        Item = item;
        Sources = await db.BulletinItems.AsNoTracking().Where(i => i.BulletinId == id).OrderBy(i => i.Position).ToListAsync(ct);
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}
