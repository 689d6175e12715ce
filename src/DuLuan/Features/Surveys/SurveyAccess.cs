using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>Surveys of the member's subtrees (any role reads, editors build and publish); outside them a survey is not found.</summary>
public sealed class SurveyAccess(AppDbContext db, UnitScope scope)
{
    public static readonly Role[] Builders = RoleTable.BuildSurveys.Roles;

    public static readonly Role[] Readers = RoleTable.SeeSurveys.Roles;

    public async Task<IQueryable<Survey>> VisibleAsync(bool edit, CancellationToken ct)
        => await scope.InScope(db.Surveys, s => s.UnitId, edit ? Builders : Readers, ct);

    public async Task<Survey?> FindAsync(long id, bool edit, CancellationToken ct)
        => await (await VisibleAsync(edit, ct)).FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<bool> CanBuildAsync(CancellationToken ct) => await scope.HasAnyAsync(Builders, ct);

    public Task<IQueryable<Units.Unit>> BuilderUnitsAsync(CancellationToken ct) => scope.UnitsAsync(Builders, ct);
}
