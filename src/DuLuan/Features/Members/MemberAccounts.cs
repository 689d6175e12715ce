using DuLuan.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace DuLuan.Features.Members;

/// <summary>
/// Actions on a whole account. Callers check <see cref="UnitScope.CoversAccountAsync"/> first; each change is saved
/// with its audit entry in one SaveChanges (the Identity store saves the tracked audit entry with the member). The
/// sign-in state they reset is Account's, reached through <see cref="IAccountCredentials"/>.
/// </summary>
public sealed class MemberAccounts(UserManager<Member> users, IAccountCredentials credentials, AuditLog audit)
{
    public async Task DisableAsync(Member member, long unitId, CancellationToken cancellationToken = default)
    {
        member.Disabled = true;
        member.LockoutEnabled = true;
        member.LockoutEnd = DateTimeOffset.MaxValue;
        audit.Add(AuditActions.MemberDisabled, unitId, member.Email);
        Check(await users.UpdateSecurityStampAsync(member));
    }

    public async Task EnableAsync(Member member, long unitId, CancellationToken cancellationToken = default)
    {
        member.Disabled = false;
        member.LockoutEnd = null;
        member.AccessFailedCount = 0;
        await credentials.ForgetFailuresAsync(member.Email ?? string.Empty, cancellationToken);
        audit.Add(AuditActions.MemberEnabled, unitId, member.Email);
        Check(await users.UpdateAsync(member));
    }

    /// <summary>Clears the sign-in back-off from every address and a temporary lockout; a disabled account stays disabled.</summary>
    public async Task UnlockAsync(Member member, long unitId, CancellationToken cancellationToken = default)
    {
        if (!member.Disabled)
        {
            member.LockoutEnd = null;
        }

        member.AccessFailedCount = 0;
        await credentials.ForgetFailuresAsync(member.Email ?? string.Empty, cancellationToken);
        audit.Add(AuditActions.AccountUnlocked, unitId, member.Email, "admin");
        Check(await users.UpdateAsync(member));
    }

    /// <summary>Removes the authenticator and recovery codes; the member's sessions end and an Admin or Lead must enrol again.</summary>
    public async Task RemoveTwoFactorAsync(Member member, long unitId, CancellationToken cancellationToken = default)
    {
        await credentials.RemoveSecondFactorAsync(member, cancellationToken);
        audit.Add(AuditActions.TwoFactorRemoved, unitId, member.Email);
        Check(await users.UpdateSecurityStampAsync(member));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
