namespace DuLuan.Features.Members;

/// <summary>Roles are granted per membership and apply to the unit's whole subtree.</summary>
public enum Role
{
    Viewer,
    Collaborator,
    AgencyLiaison,
    Editor,
    Lead,
    Admin,
}

public static class Roles
{
    /// <summary>Roles that must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(Role role) => role is Role.Admin or Role.Lead;
}
