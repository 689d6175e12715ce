namespace DuLuan.Features.Concerns.Intake;

/// <summary>What _ConcernWhere shows: the place of the problem as typed, its map point, category name and (for staff) the photo's address.</summary>
public sealed record ConcernWhereView(ConcernPlace Place, string? Category, string? PhotoUrl);

/// <summary>Where the problems of a case's concerns are, for the office and the agency that handle the case.</summary>
public static class ConcernWhereQueries
{
    public static async Task<List<ConcernWhereView>> ForCaseAsync(Data.AppDbContext db, Routing.CategoryCatalog catalog, long caseId, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Concerns.Where(c => c.CaseId == caseId && (c.Location != null || c.Latitude != null || c.Category != null))
                .OrderBy(c => c.Id)
                .Select(c => new { c.UnitId, Place = new ConcernPlace(c.Location, c.Latitude, c.Longitude), c.Category }), ct);
        var shown = new List<ConcernWhereView>();
        foreach (var row in rows)
        {
            shown.Add(new ConcernWhereView(row.Place, (await catalog.FindAsync(row.UnitId, row.Category, ct))?.Shown, null));
        }

        return shown;
    }
}
