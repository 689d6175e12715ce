using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// A signed "form shown at" time for the portal form: a bot that posts at once, or replays an old
/// form, is refused without keeping anything about the sender.
/// </summary>
public sealed class FormTimestamp(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("DuLuan.Concerns.FormTimestamp.v1");

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(6);

    public string Issue() => protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when <paramref name="token"/> is ours, at least <paramref name="minimum"/> old and not stale.</summary>
    public bool IsAcceptable(string? token, TimeSpan minimum)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            var ticks = long.Parse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture);
            var age = clock.GetUtcNow().UtcTicks - ticks;
            return age >= minimum.Ticks && age <= MaxAge.Ticks;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
