using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>
/// Password sign-in. A known and an unknown e-mail take the same path (a dummy hash for the unknown one, the same
/// back-off bookkeeping, the same message); a wrong password counts against the (account, address) pair, never
/// against the account itself, so nobody elsewhere can lock the owner out.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class LoginModel(
    SignInManager<Member> signIn,
    PasswordCheck passwords,
    SignInThrottles throttles,
    AppDbContext db,
    AuditLog audit,
    DuLuanMetrics metrics,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var accountKey = SignInThrottles.AccountKey(email);
        var address = SignInThrottles.AddressKey(HttpContext.Connection.RemoteIpAddress);
        var member = await signIn.UserManager.FindByEmailAsync(email);
        var throttle = await throttles.FindAsync(accountKey, address, ct);
        if (throttles.IsBlocked(throttle))
        {
            await audit.WriteAsync(AuditActions.SignInThrottled, target: email, cancellationToken: ct);
            return Refuse("throttled", "Login.Throttled");
        }

        var verified = passwords.Verify(member, Input.Password);
        if (member is null || verified == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(throttle, accountKey, address, email, ct);
            return Refuse("failed", "Login.Failed");
        }

        if (member.Disabled || await signIn.UserManager.IsLockedOutAsync(member))
        {
            await audit.WriteAsync(AuditActions.LockedOut, target: email, cancellationToken: ct);
            return Refuse("locked-out", "Login.LockedOut");
        }

        throttles.Forget(throttle);
        await db.SaveChangesAsync(ct);
        var result = await signIn.PasswordSignInAsync(member, Input.Password, isPersistent: false, lockoutOnFailure: false);
        metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "success" : result.RequiresTwoFactor ? "second-factor" : "failed"));
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, target: email, cancellationToken: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }

        ModelState.AddModelError(string.Empty, l["Login.Failed"]);
        return Page();
    }

    /// <summary>Counts the failure with its audit entry in one save; a parallel first failure of the same pair may
    /// have inserted the row meanwhile, so a conflict is retried once against the stored row.</summary>
    private async Task RecordFailureAsync(SignInThrottle? throttle, string accountKey, string address, string email, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            throttles.RecordFailure(throttle, accountKey, address);
            audit.Add(AuditActions.SignInFailed, target: email);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
                throttle = await throttles.FindAsync(accountKey, address, ct);
            }
        }
    }

    private PageResult Refuse(string outcome, string messageKey)
    {
        metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        ModelState.AddModelError(string.Empty, l[messageKey]);
        return Page();
    }
}
