using System.Security.Cryptography;
using System.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Account;

/// <summary>One-time links (account set-up, unlock): the token is shown once, only its SHA-256 is stored.</summary>
public sealed class SetupTokens(AppDbContext db, TimeProvider clock)
{
    public const string SetupPurpose = "setup";
    public const string UnlockPurpose = "unlock";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public static readonly TimeSpan UnlockLifetime = TimeSpan.FromHours(1);

    public async Task<string> IssueAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var token = Add(memberId, SetupPurpose, Lifetime);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Adds an unlock link to the unit of work (the caller saves it with its audit entry).</summary>
    public string AddUnlock(string memberId) => Add(memberId, UnlockPurpose, UnlockLifetime);

    /// <summary>The unused, unexpired token's record for <paramref name="purpose"/>, or null.</summary>
    public async Task<SetupToken?> FindValidAsync(string token, string purpose = SetupPurpose, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.SetupTokens.Include(t => t.Member).FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return record is { UsedAt: null } && record.Purpose == purpose && record.ExpiresAt > now ? record : null;
    }

    public void MarkUsed(SetupToken token) => token.UsedAt = clock.GetUtcNow().UtcDateTime;

    private string Add(string memberId, string purpose, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.SetupTokens.Add(new SetupToken
        {
            MemberId = memberId,
            TokenHash = Hash(token),
            ExpiresAt = clock.GetUtcNow().UtcDateTime + lifetime,
            Purpose = purpose,
        });
        return token;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
