using System.Security.Cryptography;
using System.Text;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Account;

/// <summary>
/// Two-step recovery codes: ten per member, shown once when issued, stored as SHA-256 of member id and code (the
/// codes carry 50 random bits, so a slow hash adds nothing), each accepted once. Identity's own store would keep them
/// in plain text in the user tokens table, so DuLuan keeps its own.
/// </summary>
public sealed class RecoveryCodes(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int Count = 10;

    // No 0/O, 1/I: read aloud or copied from paper without doubt.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Replaces the member's codes in the unit of work (with its audit entry) and returns them for showing once.</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(Member member, CancellationToken cancellationToken = default)
    {
        await RemoveAllAsync(member.Id, cancellationToken);
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        foreach (var code in codes)
        {
            db.RecoveryCodes.Add(new RecoveryCode { MemberId = member.Id, CodeHash = Hash(member.Id, code) });
        }

        audit.Add(AuditActions.RecoveryCodesIssued, target: member.Email);
        return codes;
    }

    public async Task RemoveAllAsync(string memberId, CancellationToken cancellationToken = default)
        => db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.MemberId == memberId).ToListAsync(cancellationToken));

    /// <summary>Spends the code if it is one of the member's unused ones; a conditional update, so two requests cannot both spend it.</summary>
    public async Task<bool> RedeemAsync(Member member, string code, CancellationToken cancellationToken = default)
    {
        var normalised = Normalise(code);
        if (normalised.Length != 10 || !normalised.All(Alphabet.Contains))
        {
            return false;
        }

        var hash = Hash(member.Id, normalised);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.RecoveryCodes
            .Where(c => c.MemberId == member.Id && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, (DateTime?)now), cancellationToken);
        if (spent == 0)
        {
            return false;
        }

        audit.Add(AuditActions.RecoveryCodeUsed, target: member.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string Normalise(string code)
        => new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).Take(20).ToArray());

    private static string Hash(string memberId, string code)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(memberId + ":" + Normalise(code))));
}
