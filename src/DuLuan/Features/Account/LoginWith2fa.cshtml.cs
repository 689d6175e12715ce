using System.ComponentModel.DataAnnotations;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class LoginWith2faModel(SignInManager<Member> signIn, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.Code")]
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, target: member.Email, detail: "2fa", cancellationToken: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.TwoFactorFailed, target: member.Email, cancellationToken: ct);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? l["Login.LockedOut"] : l["TwoFactor.Failed"]);
        return Page();
    }
}
