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
    public sealed record Row(long Id, string Title, string UnitPath)
    {
        /// <summary>The survey's own address, under the site of its nearest place (a commune's survey on the province's list links to the commune's site).</summary>
        public string Path { get; set; } = string.Empty;
    }

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
            .Select(s => new Row(s.Id, s.Title, db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Path).First()))
            .ToListAsync(ct);
        var places = await SurveyPlace.PlacesUnderAsync(db, place.Path, ct);
        foreach (var row in Rows)
        {
            row.Path = SurveyPlace.PathFor(SurveyPlace.Nearest(row.UnitPath, places) ?? unitCode!, row.Id);
        }

        return Page();
    }
}
