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

    /// <summary>The public sites of the places where the member holds a role (communes and provinces): form link and QR.</summary>
    public List<PublicForm> PublicForms { get; private set; } = [];

    public sealed record PublicForm(long UnitId, string Name, string Code, string FormUrl, string Qr, bool MayEditContact);

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
        var granted = (await access.GrantsAsync(ct)).Select(g => g.UnitId).Distinct().ToList();
        var places = await db.Units.AsNoTracking()
            .Where(u => granted.Contains(u.Id) && u.Code != null && u.ActiveTo == null && (u.Kind == Units.UnitKind.Commune || u.Kind == Units.UnitKind.Province))
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, Code = u.Code! }).Take(5).ToListAsync(ct);
        PublicForms = [];
        foreach (var p in places)
        {
            var url = $"{Request.Scheme}://{Request.Host}/cong/{Uri.EscapeDataString(p.Code)}/phan-anh";
            // The contact editor opens only for those who write the place's public pages.
            var mayEdit = await access.HoldsAsync(p.Id, Members.RoleTable.WritePosts.Roles, ct);
            PublicForms.Add(new PublicForm(p.Id, p.Name, p.Code, url, Infrastructure.QrImage.SvgDataUri(url, 4), mayEdit));
        }

        return Page();
    }
}
