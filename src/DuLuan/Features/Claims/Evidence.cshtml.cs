using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>Downloads an evidence document for staff who see the claim; anyone else gets 404.</summary>
public sealed class EvidenceModel(AppDbContext db, UnitScope access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var visible = (await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Readers, ct)).Select(c => c.Id);
        var file = await db.ClaimEvidence.AsNoTracking().Where(e => e.Id == id && e.Content != null && visible.Contains(e.ClaimId))
            .Select(e => new { e.FileName, e.ContentType, e.Content }).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content!, file.ContentType!, file.FileName);
    }
}
