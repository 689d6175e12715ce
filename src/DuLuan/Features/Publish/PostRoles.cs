using DuLuan.Features.Members;

namespace DuLuan.Features.Publish;

/// <summary>Who may do what with posts (sets from <see cref="RoleTable"/>), checked on the post's unit subtree by <see cref="UnitScope"/>: outside them a post is not found.</summary>
public static class PostRoles
{
    /// <summary>See posts: the office's staff, not collaborators.</summary>
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    /// <summary>Write drafts, submit them, schedule approved posts, reschedule.</summary>
    public static readonly Role[] Writers = RoleTable.WritePosts.Roles;

    /// <summary>Approve a tier, manage channels and approval settings.</summary>
    public static readonly Role[] Approvers = RoleTable.ApprovePosts.Roles;
}
