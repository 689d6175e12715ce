using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

public sealed class DetailsModel(AppDbContext db, UnitScope scope) : PageModel
{
    public sealed record MemberRow(string MemberId, string Name, string? Email, Role Role);

    public Unit Unit { get; private set; } = null!;

    public List<Unit> Ancestors { get; private set; } = [];

    public List<Unit> Children { get; private set; } = [];

    public List<MemberRow> Members { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(cancellationToken: ct);
        var unit = await units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        CanManage = await scope.CanAsync(Permission.ManageUnits, unit, ct);
        var ancestorIds = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Where(a => a != unit.Id).ToList();
        Ancestors = (await units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct)).OrderBy(u => u.Depth).ToList();
        Children = await units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.NameFolded).Take(500).ToListAsync(ct);
        Members = await db.Memberships.AsNoTracking().Where(m => m.UnitId == id)
            .OrderBy(m => m.Member!.DisplayName)
            .Select(m => new MemberRow(m.MemberId, m.Member!.DisplayName, m.Member.Email, m.Role))
            .ToListAsync(ct);
        return Page();
    }
}
