namespace DuLuan.Features.Members;

/// <summary>One entry of the top navigation: where it leads and its label (a string key).</summary>
public sealed record NavigationLink(string Href, string LabelKey);

/// <summary>
/// The top navigation of a signed-in member: only the areas one of their roles may open (from <see cref="RoleTable"/>),
/// so no link leads to "not found". A member without a role sees the tree only.
/// </summary>
public sealed class StaffNavigation(UnitScope scope, DuLuan.Data.AppDbContext db)
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

    /// <summary>Whether the member administers the root of a tree (national settings: holidays, Open311 keys).</summary>
    public async Task<bool> AdministersRootAsync(CancellationToken cancellationToken = default)
    {
        var paths = (await scope.GrantsAsync(cancellationToken)).Where(g => g.Role == Role.Admin).Select(g => g.Path).ToList();
        return paths.Count > 0 && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Units, u => u.ParentId == null && paths.Contains(u.Path), cancellationToken);
    }

    /// <summary>Whether the member holds one of <paramref name="roles"/> anywhere (for links inside a page).</summary>
    public async Task<bool> HoldsAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => (await scope.GrantsAsync(cancellationToken)).Any(g => roles.Contains(g.Role));
}
