using Microsoft.AspNetCore.Identity;

namespace DuLuan.Features.Members;

/// <summary>A person who signs in: office staff, collaborator or agency liaison.</summary>
public sealed class Member : IdentityUser
{
    public required string DisplayName { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Last accepted TOTP time step, so a code cannot be replayed.</summary>
    public long LastTotpStep { get; set; }

    public DateTime CreatedAt { get; set; }
}
