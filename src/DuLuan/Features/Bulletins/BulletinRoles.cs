using DuLuan.Features.Members;

namespace DuLuan.Features.Bulletins;

/// <summary>Bulletins are published in the office's name, so they use the roles of posts (<see cref="RoleTable"/>).</summary>
public static class BulletinRoles
{
    public static readonly Role[] Readers = RoleTable.ReadOfficeRecords.Roles;

    public static readonly Role[] Writers = RoleTable.WritePosts.Roles;

    public static readonly Role[] Approvers = RoleTable.ApprovePosts.Roles;
}

/// <summary>Audit actions of bulletins, each with its label "Audit.Action.{name}".</summary>
public static class BulletinAudit
{
    public const string Created = "bulletins.created";
    public const string Edited = "bulletins.edited";
    public const string Submitted = "bulletins.submitted";
    public const string Approved = "bulletins.approved";
    public const string Returned = "bulletins.returned";
    public const string RenderQueued = "bulletins.render-queued";
    public const string Published = "bulletins.published";
    public const string RenderFailed = "bulletins.render-failed";
    public const string ScheduleChanged = "bulletins.schedule-changed";
}
