using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>A place's loudspeaker bulletins: listen, read the text, subscribe (RSS) or play today's (M3U).</summary>
[AllowAnonymous]
public sealed class PublicListModel(PublicBulletins bulletins) : PageModel
{
    public PublicBulletins.Place Place { get; private set; } = null!;

    public List<PublicBulletins.Item> Items { get; private set; } = [];

    public BulletinSchedule Schedule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        if (await bulletins.PlaceAsync(unitCode, ct) is not { } place)
        {
            return NotFound();
        }

        Place = place;
        Items = await bulletins.Published(place).Take(PublicBulletins.FeedSize).ToListAsync(ct);
        Schedule = await bulletins.ScheduleAsync(place, ct);
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}
