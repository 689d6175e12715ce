namespace DuLuan.Features.Concerns.Intake;

/// <summary>What _ConcernWhere shows: the place of the problem as typed, its map point, category and (for staff) the photo's address.</summary>
public sealed record ConcernWhereView(ConcernPlace Place, string? Category, string? PhotoUrl);

/// <summary>Where the problems of a case's concerns are, for the office and the agency that handle the case.</summary>
public static class ConcernWhereQueries
{
    public static Task<List<ConcernWhereView>> ForCaseAsync(Data.AppDbContext db, long caseId, CancellationToken ct)
        => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Concerns.Where(c => c.CaseId == caseId && (c.Location != null || c.Latitude != null || c.Category != null))
                .OrderBy(c => c.Id)
                .Select(c => new ConcernWhereView(new ConcernPlace(c.Location, c.Latitude, c.Longitude), c.Category, null)), ct);
}
