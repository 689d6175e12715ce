using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Where a survey is answered: under the public site of the nearest commune or province with an official code that
/// holds its unit (a team's survey lives on its commune's site), at /cong/{code}/khao-sat/{id}.
/// </summary>
public static class SurveyPlace
{
    public static string PathFor(string placeCode, long surveyId)
        => "/cong/" + Uri.EscapeDataString(placeCode) + "/khao-sat/" + surveyId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The official code of the unit's nearest public place (itself or an ancestor); null when none has one.</summary>
    public static async Task<string?> CodeForUnitAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return null;
        }

        var ids = Ancestors(path).ToList();
        var places = await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Code != null && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province))
            .Select(u => new { u.Depth, u.Code }).ToListAsync(ct);
        return places.OrderByDescending(p => p.Depth).Select(p => p.Code).FirstOrDefault();
    }

    /// <summary>The public address of the survey's page; null when its unit has no public place.</summary>
    public static async Task<string?> PathForSurveyAsync(AppDbContext db, Survey survey, CancellationToken ct)
        => await CodeForUnitAsync(db, survey.UnitId, ct) is { } code ? PathFor(code, survey.Id) : null;

    /// <summary>The public places (commune or province with a code) within a subtree, by id, for the links of a list.</summary>
    public static Task<Dictionary<long, string>> PlacesUnderAsync(AppDbContext db, string subtreePath, CancellationToken ct)
        => db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(subtreePath) && u.Code != null && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province))
            .ToDictionaryAsync(u => u.Id, u => u.Code!, ct);

    /// <summary>The nearest public place of a unit whose materialised path is known, among the places given.</summary>
    public static string? Nearest(string unitPath, IReadOnlyDictionary<long, string> places)
        => Ancestors(unitPath).Reverse().Select(id => places.GetValueOrDefault(id)).FirstOrDefault(code => code is not null);

    private static IEnumerable<long> Ancestors(string path)
        => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(part => long.Parse(part, CultureInfo.InvariantCulture));
}
