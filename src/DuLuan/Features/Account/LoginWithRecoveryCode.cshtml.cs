using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>The second step with a recovery code instead of the authenticator; each code works once.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<Member> signIn, RecoveryCodes recovery, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.RecoveryCode")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (member is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(member))
        {
            await audit.WriteAsync(AuditActions.LockedOut, target: member.Email, detail: "recovery-code", cancellationToken: ct);
            ModelState.AddModelError(string.Empty, l["Login.LockedOut"]);
            return Page();
        }

        if (!await recovery.RedeemAsync(member, Code, ct))
        {
            // The password is already proven here, so failures count toward Identity's lockout as wrong TOTP codes do.
            await users.AccessFailedAsync(member);
            await audit.WriteAsync(AuditActions.TwoFactorFailed, target: member.Email, detail: "recovery-code", cancellationToken: ct);
            ModelState.AddModelError(string.Empty, l["Recovery.Failed"]);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(member);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(member, isPersistent: false, [new Claim("amr", "mfa")]);
        await audit.WriteAsync(AuditActions.SignIn, target: member.Email, detail: "recovery-code", cancellationToken: ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
