using DuLuan.Data;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>
/// The public rebuttal of a claim on a unit's portal: verdict, reasoning, public evidence, the official answer and
/// ClaimReview JSON-LD. Only published claims exist here; anything else is 404.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class RebuttalModel(AppDbContext db, ClaimPortal portal, ClaimRebuttals rebuttals, OfficeTime office) : PageModel
{
    public Claim Claim { get; private set; } = null!;

    public ClaimPortal.Portal Portal { get; private set; } = null!;

    public string AuthorName { get; private set; } = string.Empty;

    public List<ClaimEvidence> Evidence { get; private set; } = [];

    public List<Appearance> Appearances { get; private set; } = [];

    public string PageUrl { get; private set; } = string.Empty;

    public string JsonLd { get; private set; } = string.Empty;

    public string PostHref => DetailsModel.PostLink(Claim, PageUrl);

    public async Task<IActionResult> OnGetAsync(string unitCode, long id, CancellationToken ct)
    {
        if (await portal.PortalAsync(unitCode, ct) is not { } found)
        {
            return NotFound();
        }

        var claim = await portal.Published(found).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return NotFound();
        }

        Claim = claim;
        Portal = found;
        AuthorName = await db.Units.Where(u => u.Id == claim.UnitId).Select(u => u.Name).SingleAsync(ct);
        Evidence = await db.ClaimEvidence.AsNoTracking().Where(e => e.ClaimId == id && e.IsPublic).OrderBy(e => e.Id)
            .Select(e => new ClaimEvidence { Id = e.Id, Kind = e.Kind, Title = e.Title, Url = e.Url, Note = e.Note, FileName = e.FileName, Size = e.Size })
            .ToListAsync(ct);
        Appearances = await rebuttals.AppearancesAsync(id, ct);
        PageUrl = $"{Request.Scheme}://{Request.Host}/cong/{Uri.EscapeDataString(found.Code)}/kiem-chung/{id}";
        JsonLd = ClaimReview.Json(claim, AuthorName, PageUrl, Appearances, office);
        return Page();
    }
}
