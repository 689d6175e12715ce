using DuLuan.Features.Members;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

public sealed record UnitSummary(long Id, string? Code, string Name, string Kind, long? ParentId, int Depth);

/// <summary>JSON for the unit picker: diacritic- and case-insensitive search and lazy children, within the member's scope.</summary>
public static class UnitsApi
{
    public static void MapUnitsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/units");
        group.MapGet("/search", Search);
        group.MapGet("/{id:long}/children", Children);
    }

    private static async Task<Results<Ok<List<UnitSummary>>, ValidationProblem>> Search(string? q, UnitScope scope, CancellationToken ct)
    {
        if (q is { Length: > UnitSearch.MaxQueryLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [new Infrastructure.Text.Message("Units.Search.TooLong", UnitSearch.MaxQueryLength).Both()],
            });
        }

        var units = await scope.UnitsAsync(cancellationToken: ct);
        var found = await UnitSearch.Find(units, UnitSearch.Key(q), take: 30).ToListAsync(ct);
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<List<UnitSummary>>, NotFound>> Children(long id, UnitScope scope, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(cancellationToken: ct);
        if (!await units.AnyAsync(u => u.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var children = await units.Where(u => u.ParentId == id).OrderBy(u => u.NameFolded)
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind.ToString(), u.ParentId, u.Depth))
            .ToListAsync(ct);
        return TypedResults.Ok(children);
    }
}
