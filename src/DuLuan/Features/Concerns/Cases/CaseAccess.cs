using System.Linq.Expressions;
using DuLuan.Features.Members;
using DuLuan.Features.Units;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Which roles may do what with concerns and cases (sets from <see cref="RoleTable"/>), as subtree filters of
/// <see cref="UnitScope"/>. Outside them a record is not found (404).
/// </summary>
public sealed class CaseAccess(UnitScope scope)
{
    /// <summary>See concerns (without the contact) and cases: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Triage concerns, open and route cases.</summary>
    public static readonly Role[] Handlers = RoleTable.HandleCases.Roles;

    /// <summary>Read a resident's contact in order to answer them.</summary>
    public static readonly Role[] ContactReaders = RoleTable.ReadContacts.Roles;

    /// <summary>Work the queue of an agency: answer or ask to re-route.</summary>
    public static readonly Role[] Liaisons = RoleTable.AnswerForAgency.Roles;

    public Task<IQueryable<Unit>> UnitsAsync(IReadOnlyCollection<Role>? roles, CancellationToken cancellationToken = default)
        => scope.UnitsAsync(roles ?? RoleTable.Everyone, cancellationToken);

    /// <summary>Rows whose unit lies in a subtree where the member holds one of <paramref name="roles"/> (any role when null).</summary>
    public Task<IQueryable<T>> InScope<T>(IQueryable<T> source, Expression<Func<T, long>> unitId, IReadOnlyCollection<Role>? roles, CancellationToken cancellationToken = default)
        => scope.InScope(source, unitId, roles ?? RoleTable.Everyone, cancellationToken);

    public Task<bool> HasAnyAsync(IReadOnlyCollection<Role> roles, CancellationToken cancellationToken = default) => scope.HasAnyAsync(roles, cancellationToken);
}
