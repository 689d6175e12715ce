using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Audit;

/// <summary>Admins browse the audit log of their subtree; entries without a unit (sign-ins, CLI) are shown to admins of the whole tree only.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope scope, AuditText text) : PageModel
{
    public const int PageSize = 100;

    public sealed record Entry(long Id, DateTime At, string? ActorName, string Action, string? UnitName, string? Target, string? Detail, string? RemoteAddress);

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public List<Entry> Entries { get; private set; } = [];

    /// <summary>Every action with a label (each feature's actions, not only the kernel's), for the filter.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions => text.Actions();

    public AuditText Text => text;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var paths = await scope.PathsAsync(Permission.ViewAudit, ct);
        if (paths.Count == 0)
        {
            return NotFound();
        }

        var rootPaths = await db.Units.Where(u => u.ParentId == null).Select(u => u.Path).ToListAsync(ct);
        var wholeTree = paths.Intersect(rootPaths, StringComparer.Ordinal).Any();
        var inScope = await scope.InScope(db.AuditEntries.Where(a => a.UnitId != null), a => a.UnitId!.Value, Permission.ViewAudit, ct);
        var query = wholeTree ? db.AuditEntries.AsQueryable() : inScope;
        if (!string.IsNullOrEmpty(Action))
        {
            query = query.Where(a => a.Action == Action);
        }

        if (Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize)
            .Select(a => new Entry(a.Id, a.At, a.ActorName, a.Action, db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(), a.Target, a.Detail, a.RemoteAddress))
            .ToListAsync(ct);
        return Page();
    }
}
