using System.Security.Claims;
using DuLuan.Data;

namespace DuLuan.Features.Audit;

/// <summary>Writes audit entries with the actor and remote address of the current request.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task WriteAsync(string action, long? unitId = null, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, unitId, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the entry to the current unit of work so it commits with the change it records.</summary>
    public void Add(string action, long? unitId = null, string? target = null, string? detail = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.Identity?.Name ?? (context is null ? "cli" : null),
            Action = action,
            UnitId = unitId,
            Target = Truncate(target, 400),
            Detail = Truncate(detail, 2000),
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string TwoFactorEnabled = "2fa-enabled";
    public const string TwoFactorFailed = "2fa-failed";
    public const string PasswordChanged = "password-changed";
    public const string PasswordSet = "password-set";
    public const string RoleGranted = "role-granted";
    public const string RoleRevoked = "role-revoked";
    public const string MemberInvited = "member-invited";
    public const string MemberDisabled = "member-disabled";
    public const string MemberEnabled = "member-enabled";
    public const string TwoFactorRemoved = "2fa-removed";
    public const string TwoFactorReset = "2fa-reset";
    public const string RecoveryCodesIssued = "recovery-codes-issued";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string SignInThrottled = "sign-in-throttled";
    public const string AccountUnlocked = "account-unlocked";
    public const string UnlockLinkRequested = "unlock-link-requested";
    public const string UnitCreated = "unit-created";
    public const string UnitsImported = "units-imported";
    public const string Export = "export";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string PersonalDataRead = "personal-data-read";
}
