using DuLuan.Data;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>A public evidence document of a published rebuttal, always as a download; 404 for anything not public.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class PublicEvidenceModel(AppDbContext db, ClaimPortal portal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string unitCode, long id, long evidenceId, CancellationToken ct)
    {
        if (await portal.PortalAsync(unitCode, ct) is not { } found)
        {
            return NotFound();
        }

        var claims = portal.Published(found).Where(c => c.Id == id).Select(c => c.Id);
        var file = await db.ClaimEvidence.AsNoTracking().Where(e => e.Id == evidenceId && e.IsPublic && e.Content != null && claims.Contains(e.ClaimId))
            .Select(e => new { e.FileName, e.ContentType, e.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content!, file.ContentType!, file.FileName);
    }
}
