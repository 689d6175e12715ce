using System.ComponentModel.DataAnnotations;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.Account;

/// <summary>Password change: the security stamp changes, so other sessions end; this one is re-issued.</summary>
public sealed class ManageModel(UserManager<Member> users, SignInManager<Member> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.CurrentPassword")]
    public string Current { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync(bool changed = false)
    {
        Changed = changed;
        TwoFactorEnabled = (await users.GetUserAsync(User))?.TwoFactorEnabled == true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        TwoFactorEnabled = member.TwoFactorEnabled;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(member, Current, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(Password), error.Description);
            }

            return Page();
        }

        await audit.WriteAsync(AuditActions.PasswordChanged, target: member.Email, cancellationToken: ct);
        await signIn.RefreshSignInAsync(member);
        return RedirectToPage(new { changed = true });
    }
}
