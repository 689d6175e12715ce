using System.Security.Claims;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace DuLuan.Features.Audit;

/// <summary>Writes audit entries with the actor and remote address of the current request.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Writes an entry that records no other change (a sign-in, a read of personal data, an export).</summary>
    public async Task WriteAsync(string action, long? unitId = null, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, unitId, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Starts the transaction that a change made by other services and its entry share (commit it after <see cref="WriteAsync"/>).</summary>
    public Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken) => db.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// Saves a change whose entry names something the database numbers on insert (a new survey, claim, key):
    /// the change, then its entry with <paramref name="target"/> read after the first save, in one transaction.
    /// </summary>
    public async Task SaveCreatedAsync(string action, long? unitId, Func<string> target, string? detail, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        Add(action, unitId, target(), detail);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Adds the entry to the current unit of work so it commits with the change it records (the caller saves).</summary>
    public void Add(string action, long? unitId = null, string? target = null, string? detail = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.Identity?.Name ?? (context is null ? AuditText.CommandLineActor : null),
            Action = action,
            UnitId = unitId,
            Target = Truncate(target, 400),
            Detail = Truncate(detail, 2000),
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

/// <summary>
/// Audit actions of the kernel. Every action is named "area.event" (lower case, words joined by "-"), e.g.
/// "members.role-granted"; each feature keeps its own in one static class, and each has a label
/// "Audit.Action.{name}" in the strings (the audit page shows it). Renaming one needs a migration of stored rows.
/// </summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string LockedOut = "account.locked-out";
    public const string TwoFactorEnabled = "account.2fa-enabled";
    public const string TwoFactorFailed = "account.2fa-failed";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordSet = "account.password-set";
    public const string RoleGranted = "members.role-granted";
    public const string RoleRevoked = "members.role-revoked";
    public const string MemberInvited = "members.invited";
    public const string MemberDisabled = "members.disabled";
    public const string MemberEnabled = "members.enabled";
    public const string TwoFactorRemoved = "members.2fa-removed";
    public const string TwoFactorReset = "account.2fa-reset";
    public const string RecoveryCodesIssued = "account.recovery-codes-issued";
    public const string RecoveryCodeUsed = "account.recovery-code-used";
    public const string SignInThrottled = "account.sign-in-throttled";
    public const string AccountUnlocked = "account.unlocked";
    public const string UnlockLinkRequested = "account.unlock-link-requested";
    public const string UnitCreated = "units.created";
    public const string UnitsImported = "units.imported";
    public const string UnitSuccession = "units.succession-recorded";
    public const string Export = "data.exported";
    public const string Backup = "data.backup-made";
    public const string Restore = "data.restored";
    public const string PersonalDataRead = "data.personal-data-read";
}
