using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Open cases of the member's subtree, soonest deadline first.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access) : PageModel
{
    public sealed record Row(long Id, string Title, CaseStatus Status, Severity Severity, DateTime? DueAt, bool Overdue);

    public List<Row> Rows { get; private set; } = [];

    public List<Notification> Notifications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await access.InScope(db.Cases.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        Rows = await query.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
            .OrderBy(c => c.DueAt).Take(200)
            .Select(c => new Row(c.Id, c.Title, c.Status, c.Severity, c.DueAt, c.OverdueSince != null))
            .ToListAsync(ct);
        var notifications = await access.InScope(db.Notifications.AsNoTracking(), n => n.UnitId, CaseRoles.Readers, ct);
        Notifications = await notifications.OrderByDescending(n => n.Id).Take(20).ToListAsync(ct);
        return Page();
    }
}
