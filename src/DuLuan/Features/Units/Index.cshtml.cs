using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

/// <summary>The unit picker: the member's subtree roots, lazy children, and a diacritic-insensitive search.</summary>
public sealed class IndexModel(UnitScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<UnitSummary> Results { get; private set; } = [];

    public List<UnitSummary> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await scope.UnitsAsync(cancellationToken: ct);
        var rootPaths = await scope.PathsAsync(Permission.View, ct);
        Roots = await units.Where(u => rootPaths.Contains(u.Path)).OrderBy(u => u.Depth).ThenBy(u => u.NameFolded)
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Depth)).ToListAsync(ct);
        var key = UnitSearch.Key(Q);
        if (key.Length > 0)
        {
            Results = await UnitSearch.Find(units, key, take: 50).ToListAsync(ct);
        }
    }
}
