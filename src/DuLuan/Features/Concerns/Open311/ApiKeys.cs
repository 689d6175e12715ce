using System.Security.Cryptography;
using System.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>Issues, checks and revokes Open311 API keys; keys are random, stored only as SHA-256 hashes.</summary>
public sealed class ApiKeys(AppDbContext db, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<(ApiKey Row, string Key)> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var row = new ApiKey { Name = name, Prefix = key[..10], KeyHash = Hash(key), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (row, key);
    }

    public async Task<bool> IsValidAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return false;
        }

        var hash = Hash(key);
        return await db.ApiKeys.AnyAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
        => await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, clock.GetUtcNow().UtcDateTime), cancellationToken) > 0;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
