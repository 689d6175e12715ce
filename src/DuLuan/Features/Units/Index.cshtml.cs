using DuLuan.Analysis.Text;
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
        var key = VietnameseFold.Fold(UnitTree.CleanName(Q ?? string.Empty));
        if (key.Length is > 0 and <= UnitsApi.MaxQueryLength)
        {
            Results = await units.Where(u => u.NameFolded.Contains(key)).OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(50)
                .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Depth)).ToListAsync(ct);
        }
    }
}
