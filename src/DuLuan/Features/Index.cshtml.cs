using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features;

public sealed class IndexModel(AppDbContext db, UnitScope scope) : PageModel
{
    public sealed record GrantRow(long UnitId, string UnitName, Role Role);

    public List<GrantRow> Grants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var memberId = scope.MemberId;
        Grants = await db.Memberships.Where(m => m.MemberId == memberId)
            .OrderBy(m => m.Unit!.Depth).ThenBy(m => m.Unit!.Name)
            .Select(m => new GrantRow(m.UnitId, m.Unit!.Name, m.Role))
            .ToListAsync(ct);
    }
}
