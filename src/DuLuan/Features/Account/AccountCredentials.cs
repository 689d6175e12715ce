using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Account;

/// <summary>Members' <see cref="IAccountCredentials"/>: the sign-in state an administrator resets, kept here in Account.</summary>
public sealed class AccountCredentials(AppDbContext db, SignInThrottles throttles, SetupTokens tokens) : IAccountCredentials
{
    /// <summary>Where Identity's user store keeps the authenticator key (the user tokens table).</summary>
    public const string AuthenticatorKeyName = "AuthenticatorKey";

    public const string IdentityTokenProvider = "[AspNetUserStore]";

    public Task ForgetFailuresAsync(string email, CancellationToken ct) => throttles.ForgetAccountAsync(email, ct);

    public async Task RemoveSecondFactorAsync(Member member, CancellationToken ct)
    {
        member.TwoFactorEnabled = false;
        member.LastTotpStep = 0;
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == member.Id).ToListAsync(ct));
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.MemberId == member.Id).ToListAsync(ct));
    }

    public Task<string> IssueSetupTokenAsync(string memberId, CancellationToken ct) => tokens.IssueAsync(memberId, ct);
}
