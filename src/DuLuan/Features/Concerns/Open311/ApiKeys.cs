using System.Security.Cryptography;
using System.Text;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>Issues, checks and revokes Open311 API keys; keys are random, stored only as SHA-256 hashes.</summary>
public sealed class ApiKeys(AppDbContext db, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    public async Task<(ApiKey Row, string Key)> CreateAsync(string name, long? unitId = null, CancellationToken cancellationToken = default)
    {
        var key = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var row = new ApiKey { UnitId = unitId, Name = name, Prefix = key[..10], KeyHash = Hash(key), CreatedAt = clock.GetUtcNow().UtcDateTime };
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

    /// <summary>Whether a valid key may post about a place at <paramref name="placePath"/>: the place lies in the subtree of the unit that issued it.</summary>
    public async Task<bool> CoversAsync(string? key, string placePath, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return false;
        }

        var hash = Hash(key);
        var owner = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.UnitId, Path = db.Units.Where(u => u.Id == k.UnitId).Select(u => u.Path).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return owner is not null && (owner.UnitId is null || (owner.Path is { } path && placePath.StartsWith(path, StringComparison.Ordinal)));
    }

    /// <summary>Revokes a live key; with <paramref name="ownerIds"/>, only one issued by one of them (null standing for keys of the whole tree).</summary>
    public async Task<bool> RevokeAsync(long id, IReadOnlyCollection<long?>? ownerIds = null, CancellationToken cancellationToken = default)
        => await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null && (ownerIds == null || ownerIds.Contains(k.UnitId)))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, clock.GetUtcNow().UtcDateTime), cancellationToken) > 0;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
