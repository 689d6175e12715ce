using DuLuan.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Members;

public sealed class IndexModel(AppDbContext db, UnitScope scope) : PageModel
{
    public sealed record Row(string MemberId, string Name, string? Email, bool Disabled, long UnitId, string UnitName, Role Role);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var memberships = await scope.InScope(db.Memberships.AsNoTracking(), m => m.UnitId, RoleTable.ReadOfficeRecords.Roles, ct);
        Rows = await memberships
            .OrderBy(m => m.Member!.DisplayName).ThenBy(m => m.Unit!.Name)
            .Take(1000)
            .Select(m => new Row(m.MemberId, m.Member!.DisplayName, m.Member.Email, m.Member.Disabled, m.UnitId, m.Unit!.Name, m.Role))
            .ToListAsync(ct);
    }
}
