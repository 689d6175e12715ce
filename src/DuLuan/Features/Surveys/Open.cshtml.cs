using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>The surveys a place has open now (its own and its units'), on the place's public site.</summary>
[AllowAnonymous]
public sealed class OpenModel(AppDbContext db) : PageModel
{
    public sealed record Row(long Id, string Title);

    public string PlaceName { get; private set; } = string.Empty;

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = unitCode?.Length is not > 0 and <= 20 ? null : await db.Units.AsNoTracking()
            .Where(u => u.Code == unitCode && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province))
            .Select(u => new { u.Name, u.Path }).FirstOrDefaultAsync(ct);
        if (place is null)
        {
            return NotFound();
        }

        PlaceName = place.Name;
        Rows = await db.Surveys.AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Published && db.Units.Any(u => u.Id == s.UnitId && u.Path.StartsWith(place.Path)))
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Take(50)
            .Select(s => new Row(s.Id, s.Title))
            .ToListAsync(ct);
        return Page();
    }
}
