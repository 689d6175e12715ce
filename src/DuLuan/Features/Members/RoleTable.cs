namespace DuLuan.Features.Members;

/// <summary>One row of the role × capability table: what may be done, and the roles that may do it (on their subtree).</summary>
public sealed record Capability(string Key, Role[] Roles)
{
    public bool Allows(Role role) => Roles.Contains(role);
}

/// <summary>
/// The role × capability table: least privilege per role, in one place. Features name their role sets from it
/// (e.g. <c>CaseRoles.Handlers</c>), docs/roles.md is this table written out (a test keeps the two equal), and
/// the access matrix reads it to know which writes and reads a read-only role may make. A capability's name and
/// description are resources <c>Capability.{Key}</c> (tools/strings/roles.tsv).
/// </summary>
public static class RoleTable
{
    public static readonly Role[] Everyone = Enum.GetValues<Role>();

    /// <summary>The office's own people: every role but the collaborator, who files reports and sees only what the forms need.</summary>
    public static readonly Role[] Staff = [Role.Viewer, Role.AgencyLiaison, Role.Editor, Role.Lead, Role.Admin];

    /// <summary>Roles that change no office record: they read (viewer) or file their own reports and paper answers (collaborator).</summary>
    public static readonly Role[] ReadOnly = [Role.Viewer, Role.Collaborator];

    public static readonly Capability SeeUnits = new("units.see", Everyone);

    public static readonly Capability FileOpinionReports = new("opinions.file", [Role.Collaborator]);

    public static readonly Capability EnterSurveyAnswers = new("surveys.enter", [Role.Collaborator, Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability SeeSurveys = new("surveys.see", Everyone);

    public static readonly Capability ReadOfficeRecords = new("office.read", Staff);

    public static readonly Capability ReadOpinionReports = new("opinions.read", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability LeadCollaborators = new("opinions.lead", [Role.Lead, Role.Admin]);

    public static readonly Capability HandleCases = new("cases.handle", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability ReadContacts = new("cases.contact", [Role.Lead, Role.Admin]);

    public static readonly Capability AnswerForAgency = new("cases.agency", [Role.AgencyLiaison, Role.Lead, Role.Admin]);

    public static readonly Capability KeepAnswerTemplates = new("cases.templates", [Role.Lead, Role.Admin]);

    public static readonly Capability WorkClaims = new("claims.work", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability BuildSurveys = new("surveys.build", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability ManageMonitoring = new("monitoring.manage", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability WritePosts = new("publish.write", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability ApprovePosts = new("publish.approve", [Role.Lead, Role.Admin]);

    public static readonly Capability PrepareReports = new("reports.prepare", [Role.Editor, Role.Lead, Role.Admin]);

    public static readonly Capability ManageUnits = new("units.manage", [Role.Admin]);

    public static readonly Capability ManageMembers = new("members.manage", [Role.Admin]);

    public static readonly Capability ReadAudit = new("audit.read", [Role.Admin]);

    /// <summary>The table in the order docs/roles.md shows it.</summary>
    public static readonly IReadOnlyList<Capability> All =
    [
        SeeUnits, FileOpinionReports, EnterSurveyAnswers, SeeSurveys, ReadOfficeRecords, ReadOpinionReports, LeadCollaborators,
        HandleCases, ReadContacts, AnswerForAgency, KeepAnswerTemplates, WorkClaims, BuildSurveys, ManageMonitoring,
        WritePosts, ApprovePosts, PrepareReports, ManageUnits, ManageMembers, ReadAudit,
    ];
}
