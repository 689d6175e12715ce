using DuLuan.Data;
using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish.Portal;

/// <summary>One published post on its unit's portal, with Open Graph tags for link previews.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class PostModel(AppDbContext db, TimeProvider clock, IOptions<PublishOptions> options) : PageModel
{
    public PortalQueries.PortalUnit Unit { get; private set; } = null!;

    public PortalQueries.Item Item { get; private set; } = null!;

    public string CanonicalUrl { get; private set; } = string.Empty;

    public string? ImageUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, long id, CancellationToken ct)
    {
        var unit = await PortalQueries.UnitAsync(db, unitCode, ct);
        if (unit is null)
        {
            return NotFound();
        }

        var item = await PortalQueries.Published(db, unit.Id, clock.GetUtcNow().UtcDateTime, id).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }

        Unit = unit;
        Item = item;
        var root = options.Value.PortalBaseUrl.TrimEnd('/');
        CanonicalUrl = $"{root}/cong/{Uri.EscapeDataString(unit.Code)}/tin/{item.Id}";
        ImageUrl = item.ImageId is { } imageId ? $"{root}/cong/anh/{imageId}" : null;
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}
