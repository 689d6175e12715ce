using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>The claims register of the member's units, newest first, filtered by status.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access) : PageModel
{
    public sealed record Row(long Id, string Text, string Unit, ClaimStatus Status, Verdict? Verdict, bool Published, int Pending);

    public List<Row> Claims { get; private set; } = [];

    public ClaimStatus? Status { get; private set; }

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = ClaimEditor.TryParseName<ClaimStatus>(status, out var parsed) ? parsed : null;
        var visible = (await access.InScope(db.Claims, c => c.UnitId, ClaimRoles.Readers, ct)).AsNoTracking();
        if (Status is { } s)
        {
            visible = visible.Where(c => c.Status == s);
        }

        Claims = await visible.OrderByDescending(c => c.Id).Take(200)
            .Select(c => new Row(c.Id, c.Text, db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).First(), c.Status, c.Verdict, c.PublishedAt != null,
                db.ClaimMatches.Count(m => m.ClaimId == c.Id && m.Status == MatchStatus.Pending)))
            .ToListAsync(ct);
        CanCreate = (await ClaimRoles.HandledUnitsAsync(access, ct)).Count > 0;
    }
}
