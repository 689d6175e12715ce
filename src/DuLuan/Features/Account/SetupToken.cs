using DuLuan.Features.Members;

namespace DuLuan.Features.Account;

/// <summary>One-time link that lets a new member choose a password, or the owner lift a sign-in back-off; only its hash is stored.</summary>
public sealed class SetupToken
{
    public long Id { get; set; }

    public required string TokenHash { get; set; }

    public required string MemberId { get; set; }

    public Member? Member { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    /// <summary><see cref="SetupTokens.SetupPurpose"/> or <see cref="SetupTokens.UnlockPurpose"/>; a link works only for its own.</summary>
    public string Purpose { get; set; } = SetupTokens.SetupPurpose;
}
