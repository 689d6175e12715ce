using DuLuan.Data;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish.Portal;

/// <summary>A unit's public news list (cổng thông tin): published posts, newest first, with its feeds.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public PortalQueries.PortalUnit Unit { get; private set; } = null!;

    public List<PortalQueries.Item> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var unit = await PortalQueries.UnitAsync(db, unitCode, ct);
        if (unit is null || PageNumber is < 1 or > 1000)
        {
            return NotFound();
        }

        Unit = unit;
        var rows = await PortalQueries.Published(db, unit.Id, clock.GetUtcNow().UtcDateTime)
            .Skip((PageNumber - 1) * PortalQueries.PageSize).Take(PortalQueries.PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PortalQueries.PageSize;
        Items = rows.Take(PortalQueries.PageSize).ToList();
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}
