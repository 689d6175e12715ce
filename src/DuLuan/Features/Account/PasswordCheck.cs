using System.Security.Cryptography;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace DuLuan.Features.Account;

/// <summary>
/// Verifies a password with the same work whether the account exists, has no password yet, or has one: an unknown
/// account is checked against a dummy hash, so the answer's timing does not tell who has an account.
/// </summary>
public sealed class PasswordCheck(IPasswordHasher<Member> hasher)
{
    private static readonly Member Nobody = new() { DisplayName = string.Empty };
    private static string? dummyHash;

    public PasswordVerificationResult Verify(Member? member, string password)
    {
        if (member?.PasswordHash is { } hash)
        {
            return hasher.VerifyHashedPassword(member, hash, password);
        }

        dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        hasher.VerifyHashedPassword(Nobody, dummyHash, password);
        return PasswordVerificationResult.Failed;
    }
}
