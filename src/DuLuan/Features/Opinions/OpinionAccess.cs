using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>
/// Who may do what with opinion reports, (sets from <see cref="RoleTable"/>), as subtree filters of <see cref="UnitScope"/>.
/// Outside them a unit or report is not found (404).
/// </summary>
public sealed class OpinionAccess(AppDbContext db, UnitScope scope)
{
    /// <summary>File reports for communes in their subtree.</summary>
    public static readonly Role[] Filers = RoleTable.FileOpinionReports.Roles;

    /// <summary>Read briefings and reports of their subtree.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOpinionReports.Roles;

    /// <summary>See who has not reported and set cadences.</summary>
    public static readonly Role[] Leads = RoleTable.LeadCollaborators.Roles;

    public string? MemberId => scope.MemberId;

    public Task<IQueryable<Unit>> UnitsAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => scope.UnitsAsync(roles, cancellationToken);

    /// <summary>Communes the member files for, retired ones included (<see cref="UnitActivity"/> says whether one still takes reports).</summary>
    public async Task<IQueryable<Unit>> FilingUnitsAsync(CancellationToken cancellationToken = default)
        => (await UnitsAsync(Filers, cancellationToken)).Where(u => u.Kind == UnitKind.Commune);

    public Task<bool> HasAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => scope.HasAnyAsync(roles, cancellationToken);

    /// <summary>Reports the member may read: their own, and every report in a subtree they read.</summary>
    public async Task<IQueryable<OpinionReport>> ReadableReportsAsync(CancellationToken cancellationToken = default)
    {
        var units = (await UnitsAsync(Readers, cancellationToken)).Select(u => u.Id);
        var me = MemberId ?? string.Empty;
        return db.OpinionReports.Where(r => r.MemberId == me || units.Contains(r.UnitId));
    }
}
