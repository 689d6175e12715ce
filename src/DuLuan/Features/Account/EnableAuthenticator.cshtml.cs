using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>
/// TOTP enrolment with a QR code; required before Admins and Leads can use anything else. An enrolled secret is never
/// shown again: re-enrolment asks for the password and makes a new secret, which replaces the old one only once a code
/// from it is confirmed (until then the old authenticator keeps working). Enrolment ends with recovery codes, shown once.
/// </summary>
public sealed class EnableAuthenticatorModel(
    UserManager<Member> users,
    SignInManager<Member> signIn,
    RecoveryCodes recovery,
    AppDbContext db,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const string PendingKeyProvider = "[DuLuan]";
    public const string PendingKeyName = "PendingAuthenticatorKey";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.Code")]
    public string Code { get; set; } = string.Empty;

    public string SharedKey { get; private set; } = string.Empty;

    public string QrDataUri { get; private set; } = string.Empty;

    /// <summary>Two-step is on and no new secret is being shown: the page offers only re-enrolment with the password.</summary>
    public bool Enrolled { get; private set; }

    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public bool Required => User.HasClaim(AccountServices.NeedsTwoFactorClaim, "1");

    public async Task<IActionResult> OnGetAsync()
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        if (member.TwoFactorEnabled)
        {
            Enrolled = true;
            return Page();
        }

        ShowKey(member, await CurrentOrNewKeyAsync(member));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        var pending = member.TwoFactorEnabled ? await PendingKeyAsync(member, ct) : null;
        if (member.TwoFactorEnabled && pending is null)
        {
            Enrolled = true;
            return Page();
        }

        var confirmed = ModelState.IsValid && (pending is null
            ? await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, Code)
            : ConfirmPending(member, pending.Value!, Code));
        if (!confirmed)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(string.Empty, l["TwoFactor.Failed"]);
            }

            ShowKey(member, pending?.Value ?? await CurrentOrNewKeyAsync(member));
            return Page();
        }

        if (pending is not null)
        {
            await ReplaceKeyAsync(member, pending, ct);
        }

        member.TwoFactorEnabled = true;
        NewRecoveryCodes = await recovery.ReplaceAsync(member, ct);
        audit.Add(AuditActions.TwoFactorEnabled, target: member.Email, detail: pending is null ? null : "new-secret");
        var saved = pending is null ? await users.UpdateAsync(member) : await users.UpdateSecurityStampAsync(member);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Code)));
        }

        await signIn.RefreshSignInAsync(member);
        return Page();
    }

    /// <summary>Re-enrolment: the password, then a new secret shown once; the old one works until a code confirms the new.</summary>
    public async Task<IActionResult> OnPostResetAsync(string? password, CancellationToken ct)
    {
        ModelState.Clear();
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        if (!member.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (password is not { Length: > 0 and <= 200 } || !await users.CheckPasswordAsync(member, password))
        {
            await audit.WriteAsync(AuditActions.TwoFactorFailed, target: member.Email, detail: "re-enrol-password", cancellationToken: ct);
            ModelState.AddModelError("password", l["Account.WrongPassword"]);
            Enrolled = true;
            return Page();
        }

        var key = users.GenerateNewAuthenticatorKey();
        var pending = await PendingKeyAsync(member, ct);
        if (pending is null)
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = member.Id, LoginProvider = PendingKeyProvider, Name = PendingKeyName, Value = key });
        }
        else
        {
            pending.Value = key;
        }

        audit.Add(AuditActions.TwoFactorReset, target: member.Email);
        await db.SaveChangesAsync(ct);
        ShowKey(member, key);
        return Page();
    }

    private Task<IdentityUserToken<string>?> PendingKeyAsync(Member member, CancellationToken ct)
        => db.UserTokens.FirstOrDefaultAsync(t => t.UserId == member.Id && t.LoginProvider == PendingKeyProvider && t.Name == PendingKeyName, ct);

    private bool ConfirmPending(Member member, string key, string code)
    {
        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || Totp.MatchingStep(Totp.FromBase32(key), digits, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        // A new secret: steps used with the old one say nothing about it.
        member.LastTotpStep = step;
        return true;
    }

    /// <summary>Moves the confirmed pending secret into Identity's authenticator key, in the unit of work.</summary>
    private async Task ReplaceKeyAsync(Member member, IdentityUserToken<string> pending, CancellationToken ct)
    {
        var current = await db.UserTokens.FirstOrDefaultAsync(t => t.UserId == member.Id && t.LoginProvider == AccountCredentials.IdentityTokenProvider && t.Name == AccountCredentials.AuthenticatorKeyName, ct);
        if (current is null)
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = member.Id, LoginProvider = AccountCredentials.IdentityTokenProvider, Name = AccountCredentials.AuthenticatorKeyName, Value = pending.Value });
        }
        else
        {
            current.Value = pending.Value;
        }

        db.UserTokens.Remove(pending);
    }

    /// <summary>
    /// The not yet enrolled key, made on first visit. Stored as a token only: Identity's ResetAuthenticatorKeyAsync also
    /// changes the security stamp, which signed the member out on every other device just for opening this page.
    /// </summary>
    private async Task<string> CurrentOrNewKeyAsync(Member member)
    {
        var key = await users.GetAuthenticatorKeyAsync(member);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            var stored = await users.SetAuthenticationTokenAsync(member, AccountCredentials.IdentityTokenProvider, AccountCredentials.AuthenticatorKeyName, key);
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", stored.Errors.Select(e => e.Code)));
            }
        }

        return key;
    }

    private void ShowKey(Member member, string key)
    {
        SharedKey = key;
        var uri = $"otpauth://totp/DuLuan:{Uri.EscapeDataString(member.Email ?? member.Id)}?secret={key}&issuer=DuLuan&digits=6";
        QrDataUri = QrImage.SvgDataUri(uri, 5);
    }
}
