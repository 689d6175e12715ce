using DuLuan.Features.Members;

namespace DuLuan.Features.Dialogue;

/// <summary>Who may do what with dialogues (sets from <see cref="RoleTable"/>, checked on the unit's subtree by <see cref="UnitScope"/>).</summary>
public static class DialogueRoles
{
    /// <summary>See sessions, questions and run sheets: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Announce a session, add, group and pick questions, record commitments, publish: those who handle cases.</summary>
    public static readonly Role[] Organisers = RoleTable.HandleCases.Roles;

    /// <summary>Draft the answer of a question sent to their agency.</summary>
    public static readonly Role[] Answerers = RoleTable.AnswerForAgency.Roles;

    /// <summary>Approve answers given in the office's name: the same approvers as posts and rebuttals.</summary>
    public static readonly Role[] Approvers = RoleTable.ApprovePosts.Roles;
}
