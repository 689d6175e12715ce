using System.ComponentModel.DataAnnotations;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class LoginModel(SignInManager<Member> signIn, AuditLog audit, DuLuanMetrics metrics, IStringLocalizer<SharedResource> l) : PageModel
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

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        metrics.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(result)));
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, target: Input.Email, cancellationToken: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, target: Input.Email, cancellationToken: ct);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? l["Login.LockedOut"] : l["Login.Failed"]);
        return Page();
    }

    private static string Outcome(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.Succeeded ? "success" : result.RequiresTwoFactor ? "second-factor" : result.IsLockedOut ? "locked-out" : "failed";
}
