using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The public list of answered cases of a place (and the places under it), with each responsible
/// agency's on-time share and median time to answer over the last year, shown only from
/// <see cref="AgencyFigures.MinimumCases"/> cases on. The figures are the rows <see cref="AgencyFiguresPass"/> stored
/// for the place (with the time they were computed); a place the passes have not covered yet (a new install before the
/// first pass) has them counted from the records through <see cref="AgencyFiguresCache"/>. The anonymous answer comes
/// from the portal's output cache, so a burst of anonymous requests reads neither the figures nor the list again.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Intake.ConcernsServices.PortalPolicy)]
[OutputCache(PolicyName = PortalCachePolicy.Name)]
public sealed class AnsweredModel(AppDbContext db, AgencyFiguresCache figuresCache) : PageModel
{
    public const int PageSize = 50;
    public const int MaxPage = 1000;
    public static readonly TimeSpan Period = TimeSpan.FromDays(365);

    public sealed record Row(string Reference, string Title, string? Agency, DateTime? AnsweredAt, string Answer);

    public sealed record Figures(string Agency, AgencyFigures Values);

    public Unit Place { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public List<Figures> Agencies { get; private set; } = [];

    /// <summary>When the stored figures were computed; null when they were counted from the records for this request.</summary>
    public DateTime? ComputedAt { get; private set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = unitCode is not { Length: > 0 and <= 20 } ? null : await FindPlaceAsync(db, unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        await LoadAsync(place, ct);
        return Page();
    }

    /// <summary>The province or commune with this code, or null.</summary>
    public static Task<Unit?> FindPlaceAsync(AppDbContext db, string code, CancellationToken ct)
        => db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code && (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune), ct);

    /// <summary>Reads page <see cref="PageNumber"/> of the place's answered cases and its agencies' figures (the page's every query).</summary>
    public async Task LoadAsync(Unit place, CancellationToken ct)
    {
        Place = place;
        var prefix = place.Path;
        var ids = await AnsweredPage.IdsAsync(db, prefix, (PageNumber - 1) * PageSize, PageSize + 1, ct);
        var answered = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Row = new Row(c.PublicRef, c.Title, db.Units.Where(u => u.Id == c.AgencyId).Select(u => u.Name).FirstOrDefault(), c.AnsweredAt, c.Answer!) })
            .ToListAsync(ct);
        HasMore = ids.Count > PageSize;
        Rows = answered.OrderBy(r => ids.IndexOf(r.Id)).Take(PageSize).Select(r => r.Row).ToList();

        var stored = await db.AgencyFiguresPlaces.AsNoTracking().Where(p => p.PlaceId == place.Id)
            .Select(p => db.AgencyFiguresStates.Where(s => s.Id == AgencyFiguresPass.StateId).Select(s => s.ComputedAt).FirstOrDefault())
            .ToListAsync(ct);
        if (stored is [{ } computedAt])
        {
            ComputedAt = computedAt;
            var rows = await db.StoredAgencyFigures.AsNoTracking().Where(f => f.PlaceId == place.Id)
                .Join(db.Units, f => f.AgencyId, u => u.Id, (f, u) => new { Figures = f, u.Name })
                .ToListAsync(ct);
            Agencies = rows.Select(r => new Figures(r.Name, r.Figures.ToFigures())).OrderBy(f => f.Agency, StringComparer.Ordinal).ToList();
            return;
        }

        var figures = await figuresCache.OfAsync(place.Id, prefix, ct);
        var agencyIds = figures.Select(f => f.AgencyId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Agencies = figures.Select(f => new Figures(names[f.AgencyId], f)).OrderBy(f => f.Agency, StringComparer.Ordinal).ToList();
    }
}
