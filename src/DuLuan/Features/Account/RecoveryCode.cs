using DuLuan.Features.Members;

namespace DuLuan.Features.Account;

/// <summary>A single-use two-step recovery code; only a salted SHA-256 of it is stored.</summary>
public sealed class RecoveryCode
{
    public long Id { get; set; }

    public required string MemberId { get; set; }

    public Member? Member { get; set; }

    public required string CodeHash { get; set; }

    public DateTime? UsedAt { get; set; }
}
