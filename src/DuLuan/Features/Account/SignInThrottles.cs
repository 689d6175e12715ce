using System.Net;
using System.Net.Sockets;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Account;

/// <summary>
/// Back-off on failed sign-ins per (account, client address). Known and unknown e-mails get the same bookkeeping, so
/// the answer tells nobody whether an account exists; and since another address keeps its own count, a stranger
/// cannot lock the owner out. After <see cref="FreeFailures"/> failures the pair waits 1 minute, doubling with each
/// further failure up to <see cref="LongestWait"/>; a success, an admin or an e-mailed link clears it.
/// </summary>
public sealed class SignInThrottles(AppDbContext db, TimeProvider clock)
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>A pair whose last failure is this old starts counting again.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public static string AccountKey(string email)
    {
        var key = email.Trim().ToUpperInvariant();
        return key.Length > 256 ? key[..256] : key;
    }

    /// <summary>The client address; IPv6 clients are counted per /64, the block one subscriber usually holds.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Tracked row of the pair, or null.</summary>
    public Task<SignInThrottle?> FindAsync(string accountKey, string address, CancellationToken cancellationToken = default)
        => db.SignInThrottles.FirstOrDefaultAsync(t => t.AccountKey == accountKey && t.Address == address, cancellationToken);

    public bool IsBlocked(SignInThrottle? row) => row?.BlockedUntil is { } until && until > clock.GetUtcNow().UtcDateTime;

    /// <summary>Counts a failure in the unit of work; the caller saves it together with its audit entry.</summary>
    public void RecordFailure(SignInThrottle? row, string accountKey, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new SignInThrottle { AccountKey = accountKey, Address = address };
            db.SignInThrottles.Add(row);
        }
        else if (now - row.LastFailureAt > Memory)
        {
            row.Failures = 0;
        }

        row.Failures++;
        row.LastFailureAt = now;
        if (row.Failures >= FreeFailures)
        {
            var minutes = Math.Pow(2, Math.Min(row.Failures - FreeFailures, 10));
            row.BlockedUntil = now + TimeSpan.FromMinutes(Math.Min(minutes, LongestWait.TotalMinutes));
        }
    }

    public void Forget(SignInThrottle? row)
    {
        if (row is not null)
        {
            db.SignInThrottles.Remove(row);
        }
    }

    /// <summary>Clears the account's back-off from every address (admin or e-mailed unlock), in the unit of work.</summary>
    public async Task ForgetAccountAsync(string email, CancellationToken cancellationToken = default)
    {
        var key = AccountKey(email);
        db.SignInThrottles.RemoveRange(await db.SignInThrottles.Where(t => t.AccountKey == key).ToListAsync(cancellationToken));
    }
}
