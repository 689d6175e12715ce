using System.Linq.Expressions;
using System.Security.Claims;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Members;

public enum Permission
{
    View,
    ManageUnits,
    ManageMembers,
    ViewAudit,
}

/// <summary>
/// The one place that turns the signed-in member's memberships into subtree filters. Every query of
/// unit-owned data goes through <see cref="Units"/> or <see cref="InScope{T}"/>; a record outside
/// the member's subtrees is simply not found (404), never "forbidden", so ids leak nothing.
/// </summary>
public sealed class UnitScope(AppDbContext db, IHttpContextAccessor http)
{
    private IReadOnlyList<Grant>? grants;

    public sealed record Grant(long UnitId, string Path, Role Role);

    public string? MemberId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IReadOnlyList<Grant>> GrantsAsync(CancellationToken cancellationToken = default)
    {
        if (grants is not null)
        {
            return grants;
        }

        var memberId = MemberId;
        grants = memberId is null
            ? []
            : await db.Memberships.AsNoTracking()
                .Where(m => m.MemberId == memberId)
                .Select(m => new Grant(m.UnitId, m.Unit!.Path, m.Role))
                .ToListAsync(cancellationToken);
        return grants;
    }

    public static bool Allows(Role role, Permission permission) => permission switch
    {
        Permission.View => true,
        _ => role == Role.Admin,
    };

    /// <summary>Paths (subtree roots) where the member holds a role granting <paramref name="permission"/>, nested ones removed.</summary>
    public async Task<IReadOnlyList<string>> PathsAsync(Permission permission, CancellationToken cancellationToken = default)
    {
        var paths = (await GrantsAsync(cancellationToken))
            .Where(g => Allows(g.Role, permission))
            .Select(g => g.Path)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return paths.Where(p => !paths.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal))).ToList();
    }

    public async Task<bool> CanAsync(Permission permission, Unit unit, CancellationToken cancellationToken = default)
        => (await PathsAsync(permission, cancellationToken)).Any(p => unit.Path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// Whether the signed-in member may act on another member's whole account (disable, re-enable, unlock, remove
    /// two-step): ManageMembers over every unit where that account holds a role, not only over the units one sees.
    /// </summary>
    public async Task<bool> CoversAccountAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var manage = await PathsAsync(Permission.ManageMembers, cancellationToken);
        if (manage.Count == 0 || memberId == MemberId)
        {
            return false;
        }

        var held = await db.Memberships.AsNoTracking().Where(m => m.MemberId == memberId).Select(m => m.Unit!.Path).ToListAsync(cancellationToken);
        return held.Count > 0 && held.All(path => manage.Any(p => path.StartsWith(p, StringComparison.Ordinal)));
    }

    public async Task<IQueryable<Unit>> UnitsAsync(Permission permission = Permission.View, CancellationToken cancellationToken = default)
        => db.Units.Where(SubtreePredicate<Unit>(await PathsAsync(permission, cancellationToken), u => u.Path));

    /// <summary>Rows whose unit lies in one of the member's subtrees.</summary>
    public async Task<IQueryable<T>> InScope<T>(IQueryable<T> source, Expression<Func<T, long>> unitId, Permission permission = Permission.View, CancellationToken cancellationToken = default)
    {
        var visible = await UnitsAsync(permission, cancellationToken);
        return Within(source, unitId, visible.Select(u => u.Id));
    }

    /// <summary>Units in a subtree where the member holds one of <paramref name="roles"/> (a set from <see cref="RoleTable"/>).</summary>
    public async Task<IQueryable<Unit>> UnitsAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => db.Units.Where(SubtreePredicate<Unit>(await RolePathsAsync(roles, cancellationToken), u => u.Path));

    /// <summary>Rows whose unit lies in a subtree where the member holds one of <paramref name="roles"/>.</summary>
    public async Task<IQueryable<T>> InScope<T>(IQueryable<T> source, Expression<Func<T, long>> unitId, IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => Within(source, unitId, (await UnitsAsync(roles, cancellationToken)).Select(u => u.Id));

    /// <summary>Whether the member holds one of <paramref name="roles"/> on the unit or above it.</summary>
    public async Task<bool> HoldsAsync(long unitId, IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => await (await UnitsAsync(roles, cancellationToken)).AnyAsync(u => u.Id == unitId, cancellationToken);

    /// <summary>Whether the member holds one of <paramref name="roles"/> anywhere.</summary>
    public async Task<bool> HasAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => (await GrantsAsync(cancellationToken)).Any(g => roles.Contains(g.Role));

    private async Task<List<string>> RolePathsAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken)
    {
        var paths = (await GrantsAsync(cancellationToken)).Where(g => roles.Contains(g.Role)).Select(g => g.Path).Distinct(StringComparer.Ordinal).ToList();
        return paths.Where(p => !paths.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal))).ToList();
    }

    private static IQueryable<T> Within<T>(IQueryable<T> source, Expression<Func<T, long>> unitId, IQueryable<long> ids)
    {
        var parameter = unitId.Parameters[0];
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long)], ids.Expression, unitId.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(contains, parameter));
    }

    /// <summary>OR of "path LIKE prefix%" for each subtree root; false when there is none.</summary>
    public static Expression<Func<T, bool>> SubtreePredicate<T>(IReadOnlyList<string> paths, Expression<Func<T, string>> path)
    {
        var parameter = path.Parameters[0];
        Expression body = Expression.Constant(false);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in paths)
        {
            Expression<Func<string>> captured = () => prefix;
            body = Expression.OrElse(body, Expression.Call(path.Body, startsWith, captured.Body));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}
