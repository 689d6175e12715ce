using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The public list of answered cases of a place (and the places under it), with each responsible
/// agency's on-time share and median time to answer over the last year, shown only from
/// <see cref="AgencyFigures.MinimumCases"/> cases on.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Intake.ConcernsServices.PortalPolicy)]
public sealed class AnsweredModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxPage = 1000;
    public static readonly TimeSpan Period = TimeSpan.FromDays(365);

    public sealed record Row(string Reference, string Title, string? Agency, DateTime? AnsweredAt, string Answer);

    public sealed record Figures(string Agency, AgencyFigures Values);

    public Unit Place { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<Figures> Agencies { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = unitCode?.Length is not > 0 and <= 20 ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode && (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune), ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        var prefix = place.Path;
        var cases = db.Cases.AsNoTracking().Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)));
        var answered = await cases
            .Where(c => (c.Status == CaseStatus.Answered || c.Status == CaseStatus.Closed) && c.Answer != null)
            .OrderByDescending(c => c.AnsweredAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(c => new Row(c.PublicRef, c.Title, db.Units.Where(u => u.Id == c.AgencyId).Select(u => u.Name).FirstOrDefault(), c.AnsweredAt, c.Answer!))
            .ToListAsync(ct);
        HasMore = answered.Count > PageSize;
        Rows = answered.Take(PageSize).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Period;
        var times = await cases.Where(c => c.AgencyId != null && c.CreatedAt >= since)
            .Select(c => new AgencyFigures.CaseTimes(c.AgencyId!.Value, c.Status, c.CreatedAt, c.DueAt, c.AnsweredAt))
            .ToListAsync(ct);
        var figures = AgencyFigures.Compute(times, now);
        var ids = figures.Select(f => f.AgencyId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Agencies = figures.Select(f => new Figures(names[f.AgencyId], f)).OrderBy(f => f.Agency, StringComparer.Ordinal).ToList();
        return Page();
    }
}
