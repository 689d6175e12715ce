using System.Linq.Expressions;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;

namespace DuLuan.Features.Cases;

/// <summary>
/// Which roles may do what with concerns and cases, as subtree filters built on <see cref="UnitScope"/>'s
/// grants. Outside them a record is not found (404).
/// </summary>
public sealed class CaseAccess(AppDbContext db, UnitScope scope)
{
    /// <summary>Triage concerns, open and route cases.</summary>
    public static readonly Role[] Handlers = [Role.Editor, Role.Lead, Role.Admin];

    /// <summary>Read a resident's contact in order to answer them.</summary>
    public static readonly Role[] ContactReaders = [Role.Lead, Role.Admin];

    /// <summary>Work the queue of an agency: answer or ask to re-route.</summary>
    public static readonly Role[] Liaisons = [Role.AgencyLiaison, Role.Lead, Role.Admin];

    public async Task<IQueryable<Unit>> UnitsAsync(IReadOnlyCollection<Role>? roles, CancellationToken cancellationToken = default)
    {
        var paths = (await scope.GrantsAsync(cancellationToken))
            .Where(g => roles is null || roles.Contains(g.Role))
            .Select(g => g.Path)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return db.Units.Where(UnitScope.SubtreePredicate<Unit>(paths, u => u.Path));
    }

    /// <summary>Rows whose unit lies in a subtree where the member holds one of <paramref name="roles"/> (any role when null).</summary>
    public async Task<IQueryable<T>> InScope<T>(IQueryable<T> source, Expression<Func<T, long>> unitId, IReadOnlyCollection<Role>? roles, CancellationToken cancellationToken = default)
    {
        var ids = (await UnitsAsync(roles, cancellationToken)).Select(u => u.Id);
        var parameter = unitId.Parameters[0];
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long)], ids.Expression, unitId.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(contains, parameter));
    }

    public async Task<bool> HasAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default)
        => (await scope.GrantsAsync(cancellationToken)).Any(g => roles.Contains(g.Role));
}
