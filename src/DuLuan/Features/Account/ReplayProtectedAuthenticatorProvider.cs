using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace DuLuan.Features.Account;

/// <summary>
/// Identity's authenticator provider accepts the same code again within its window; this one
/// remembers the last accepted time step per member and refuses a replay.
/// </summary>
public sealed class ReplayProtectedAuthenticatorProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<Member>
{
    public const string Name = "DuLuanAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Member> manager, Member user)
        => !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<Member> manager, Member user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Member> manager, Member user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var step = Totp.MatchingStep(Totp.FromBase32(key), code, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpStep)
        {
            return false;
        }

        user.LastTotpStep = step.Value;
        await manager.UpdateAsync(user);
        return true;
    }
}
