using DuLuan.Infrastructure.Navigation;

namespace DuLuan.Features.Members;

/// <summary>
/// The top navigation of a signed-in member: only the areas one of their roles may open (from <see cref="RoleTable"/>),
/// so no link leads to "not found". A member without a role sees the tree only.
/// </summary>
public sealed class StaffNavigation(UnitScope scope) : IStaffLinks
{
    private static readonly (NavigationLink Link, Role[] Roles)[] Areas =
    [
        (new("/Units", "Nav.Units"), RoleTable.SeeUnits.Roles),
        (new("/Members", "Nav.Members"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Cases", "Nav.Cases"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Opinions", "Nav.Opinions"), [.. RoleTable.FileOpinionReports.Roles, .. RoleTable.ReadOpinionReports.Roles]),
        (new("/Surveys", "Nav.Surveys"), RoleTable.SeeSurveys.Roles),
        (new("/Monitoring", "Nav.Monitoring"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Claims", "Nav.Claims"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Publish", "Nav.Publish"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Bulletins", "Nav.Bulletins"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Dialogue", "Nav.Dialogue"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Reports", "Nav.Reports"), RoleTable.ReadOfficeRecords.Roles),
        (new("/Audit", "Nav.Audit"), RoleTable.ReadAudit.Roles),
    ];

    public async Task<IReadOnlyList<NavigationLink>> LinksAsync(CancellationToken cancellationToken = default)
    {
        var held = (await scope.GrantsAsync(cancellationToken)).Select(g => g.Role).ToHashSet();
        if (held.Count == 0)
        {
            return [Areas[0].Link];
        }

        return Areas.Where(a => a.Roles.Any(held.Contains)).Select(a => a.Link).ToList();
    }

    /// <summary>
    /// Whether the member administers a root or a province: the owners of holidays, Open311 keys and categories
    /// (a commune's admin keeps none of them, so sees no link to them).
    /// </summary>
    public async Task<bool> AdministersProvinceAsync(CancellationToken cancellationToken = default)
    {
        var manageable = await scope.UnitsAsync(Permission.ManageUnits, cancellationToken);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            manageable, u => u.ParentId == null || u.Kind == DuLuan.Features.Units.UnitKind.Province, cancellationToken);
    }

    /// <summary>Whether the member holds one of <paramref name="roles"/> anywhere (for links inside a page).</summary>
    public async Task<bool> HoldsAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => (await scope.GrantsAsync(cancellationToken)).Any(g => roles.Contains(g.Role));
}
