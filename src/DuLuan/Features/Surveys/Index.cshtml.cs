using DuLuan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>Surveys of the member's subtrees, newest first, with their response counts.</summary>
public sealed class IndexModel(AppDbContext db, SurveyAccess access) : PageModel
{
    public sealed record Row(long Id, string Title, SurveyStatus Status, int Version, int Responses, string Unit);

    public List<Row> Rows { get; private set; } = [];

    public bool CanBuild { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var surveys = await access.VisibleAsync(edit: false, ct);
        Rows = await surveys.AsNoTracking().OrderByDescending(s => s.Id).Take(200)
            .Select(s => new Row(s.Id, s.Title, s.Status, s.CurrentVersion,
                db.SurveyResponses.Count(r => r.SurveyId == s.Id),
                db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Name).First()))
            .ToListAsync(ct);
        CanBuild = await access.CanBuildAsync(ct);
        return Page();
    }
}
