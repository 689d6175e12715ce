using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;

namespace DuLuan.Features.Opinions;

/// <summary>
/// Who may do what with opinion reports (sets from <see cref="RoleTable"/>), checked on the unit's subtree by
/// <see cref="UnitScope"/>. Outside them a unit or report is not found (404).
/// </summary>
public static class OpinionRoles
{
    /// <summary>File reports for communes in their subtree.</summary>
    public static readonly Role[] Filers = RoleTable.FileOpinionReports.Roles;

    /// <summary>Read briefings and reports of their subtree.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOpinionReports.Roles;

    /// <summary>See who has not reported and set cadences.</summary>
    public static readonly Role[] Leads = RoleTable.LeadCollaborators.Roles;

    /// <summary>Communes the member files for, retired ones included (<see cref="UnitActivity"/> says whether one still takes reports).</summary>
    public static async Task<IQueryable<Unit>> FilingUnitsAsync(UnitScope scope, CancellationToken cancellationToken = default)
        => (await scope.UnitsAsync(Filers, cancellationToken)).Where(u => u.Kind == UnitKind.Commune);

    /// <summary>Reports the member may read: their own, and every report in a subtree they read.</summary>
    public static async Task<IQueryable<OpinionReport>> ReadableReportsAsync(AppDbContext db, UnitScope scope, CancellationToken cancellationToken = default)
    {
        var units = (await scope.UnitsAsync(Readers, cancellationToken)).Select(u => u.Id);
        var me = scope.MemberId ?? string.Empty;
        return db.OpinionReports.Where(r => r.MemberId == me || units.Contains(r.UnitId));
    }
}
