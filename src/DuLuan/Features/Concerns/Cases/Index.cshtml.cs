using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The cases of the member's subtree: filters (status, closed too; category; agency; overdue; due this week), a search
/// without diacritics, counts per status, overdue first, pages that keep the filters, and the same list as CSV.
/// </summary>
public sealed class IndexModel(AppDbContext db, UnitScope access, CaseList list, CategoryCatalog catalog, AuditLog audit, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"trang" in the query: "page" is the route value Razor Pages keeps for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public CaseFilter Filter { get; private set; } = new(null, null, null, null, null, 1);

    public List<CaseListRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + CaseFilter.PageSize - 1) / CaseFilter.PageSize);

    public Dictionary<CaseStatus, int> Counts { get; private set; } = [];

    public List<Routing.Category> Categories { get; private set; } = [];

    public List<(long Id, string Name)> Agencies { get; private set; } = [];

    public Func<long, string?, string?> CategoryName { get; private set; } = (_, key) => key;

    public List<Notification> Notifications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filtered = await FilteredAsync(ct);
        var counts = await filtered.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Counts = counts.ToDictionary(c => c.Key, c => c.Count);
        var shown = CaseList.WithStatus(filtered, Filter.Status);
        var statuses = CaseListPage.Statuses(Filter.Status);
        Total = Counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Value);
        Filter = Filter with { Page = Math.Min(Filter.Page, Pages) };
        var skip = (Filter.Page - 1) * CaseFilter.PageSize;
        if (await CaseListPage.IdsAsync(filtered, statuses, skip, CaseFilter.PageSize, ct) is { } ids)
        {
            var rows = await list.Rows(filtered.Where(c => ids.Contains(c.Id))).ToListAsync(ct);
            Rows = rows.OrderBy(r => ids.IndexOf(r.Id)).ToList();
        }
        else
        {
            Rows = await list.Rows(list.Ordered(shown).Skip(skip).Take(CaseFilter.PageSize)).ToListAsync(ct);
        }
        CategoryName = await catalog.NamerAsync(Rows.Select(r => r.UnitId), ct);
        var grants = await access.GrantsAsync(ct);
        Categories = await catalog.ChoicesAsync(grants.Where(g => CaseRoles.Readers.Contains(g.Role)).Select(g => g.UnitId), await access.UnitsAsync(CaseRoles.Readers, ct), ct);
        var inScope = await access.InScope(db.Cases.AsNoTracking(), c => c.UnitId, CaseRoles.Readers, ct);
        // The agencies of the cases in scope, read once from those cases: an EXISTS per unit walked every case of every
        // agency outside the scope (5.6 s for a commune editor among 1,000,000 cases, 38 ms this way).
        var agencyIds = inScope.Where(c => c.AgencyId != null).Select(c => c.AgencyId!.Value).Distinct();
        var agencies = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        Agencies = agencies.Select(a => (a.Id, a.Name)).ToList();
        var notifications = await access.InScope(db.Notifications.AsNoTracking(), n => n.UnitId, CaseRoles.Readers, ct);
        Notifications = await notifications.OrderByDescending(n => n.Id).Take(20).ToListAsync(ct);
        return Page();
    }

    /// <summary>The filtered list (every page) as CSV; the export is audited as every export is.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var shown = CaseList.WithStatus(await FilteredAsync(ct), Filter.Status);
        var rows = await list.Rows(list.Ordered(shown).Take(CaseList.MaxExportRows)).ToListAsync(ct);
        var names = await catalog.NamerAsync(rows.Select(r => r.UnitId), ct);
        await audit.WriteAsync(AuditActions.Export, target: "cases", detail: $"csv {rows.Count}", cancellationToken: ct);
        var bytes = CaseCsv.Write(rows, r => names(r.UnitId, r.Category), office, l);
        return File(bytes, "text/csv; charset=utf-8", $"vu-viec-{office.Today:yyyy-MM-dd}.csv");
    }

    private async Task<IQueryable<Case>> FilteredAsync(CancellationToken ct)
    {
        var q = Q?.Trim();
        Filter = new CaseFilter(
            Status is "all" || (Enum.TryParse<CaseStatus>(Status, false, out var s) && Enum.IsDefined(s) && !char.IsDigit(Status![0])) ? Status : null,
            Category is { Length: > 0 and <= Routing.Category.MaxKeyLength } ? Category : null,
            AgencyId is > 0 ? AgencyId : null,
            Due is "overdue" or "week" ? Due : null,
            string.IsNullOrEmpty(q) ? null : q.Length > CaseList.MaxQueryLength ? q[..CaseList.MaxQueryLength] : q,
            Math.Clamp(PageNumber, 1, 100_000));
        return await list.WithoutStatusAsync(Filter, ct);
    }
}
