using DuLuan.Features.Members;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Which roles may do what with concerns and cases (sets from <see cref="RoleTable"/>), checked on the unit's subtree by
/// <see cref="UnitScope"/>. Outside them a record is not found (404).
/// </summary>
public static class CaseRoles
{
    /// <summary>See concerns (without the contact) and cases: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Triage concerns, open and route cases.</summary>
    public static readonly Role[] Handlers = RoleTable.HandleCases.Roles;

    /// <summary>Read a resident's contact in order to answer them.</summary>
    public static readonly Role[] ContactReaders = RoleTable.ReadContacts.Roles;

    /// <summary>Work the queue of an agency: answer or ask to re-route.</summary>
    public static readonly Role[] Liaisons = RoleTable.AnswerForAgency.Roles;
}
