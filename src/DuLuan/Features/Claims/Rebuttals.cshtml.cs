using DuLuan.Data;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>A unit portal's published rebuttals, newest first.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class RebuttalsModel(ClaimPortal portal) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string Text, Verdict Verdict, DateTime PublishedAt);

    public ClaimPortal.Portal Portal { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public string PageUrl => $"{Request.Scheme}://{Request.Host}/cong/{Uri.EscapeDataString(Portal.Code)}/kiem-chung";

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        if (await portal.PortalAsync(unitCode, ct) is not { } found)
        {
            return NotFound();
        }

        Portal = found;
        Rows = await portal.Published(found).OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(PageSize)
            .Select(c => new Row(c.Id, c.Text, c.Verdict!.Value, c.PublishedAt!.Value)).ToListAsync(ct);
        return Page();
    }
}
