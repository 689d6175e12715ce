using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>Concerns of the member's subtree, newest first, with held ones and look-alike cases marked.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(long Id, string Title, string UnitName, ConcernStatus Status, DateTime ReceivedAt, long? CaseId, long? SimilarCaseId);

    [BindProperty(SupportsGet = true)]
    public ConcernStatus? Status { get; set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = await access.InScope(db.Concerns.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        if (Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        Rows = await query.OrderByDescending(c => c.Id).Take(PageSize)
            .Select(c => new Row(c.Id, c.Title, db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).First(), c.Status, c.ReceivedAt, c.CaseId, c.SimilarCaseId))
            .ToListAsync(ct);
        return Page();
    }
}
