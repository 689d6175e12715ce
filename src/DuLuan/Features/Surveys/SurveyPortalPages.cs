using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>The place's list of open surveys and each published survey whose nearest public place it is (where it is answered).</summary>
public sealed class SurveyPortalPages(AppDbContext db) : IPortalPages
{
    public async Task<IReadOnlyList<PortalPage>> PagesAsync(PortalPlace place, CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Published && db.Units.Any(u => u.Id == s.UnitId && u.Path.StartsWith(place.Path)))
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Take(IPortalPages.Limit)
            .Select(s => new { s.Id, s.UpdatedAt, UnitPath = db.Units.Where(u => u.Id == s.UnitId).Select(u => u.Path).First() })
            .ToListAsync(ct);
        var places = surveys.Count == 0 ? [] : await SurveyPlace.PlacesUnderAsync(db, place.Path, ct);
        return
        [
            new PortalPage("/khao-sat"),
            .. surveys.Where(s => SurveyPlace.Nearest(s.UnitPath, places) == place.Code)
                .Select(s => new PortalPage("/khao-sat/" + s.Id.ToString(CultureInfo.InvariantCulture), s.UpdatedAt)),
        ];
    }
}
