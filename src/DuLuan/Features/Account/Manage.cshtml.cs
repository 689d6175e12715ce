using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>
/// Password change (the security stamp changes, so other sessions end; this one is re-issued) and, with the password,
/// a fresh set of recovery codes shown once.
/// </summary>
public sealed class ManageModel(UserManager<Member> users, SignInManager<Member> signIn, RecoveryCodes recovery, AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
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

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(bool changed = false)
    {
        Changed = changed;
        var member = await users.GetUserAsync(User);
        TwoFactorEnabled = member?.TwoFactorEnabled == true;
        RecoveryCodesLeft = member is null ? 0 : await CountCodesAsync(member.Id);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        ModelState.Remove(nameof(Password));
        TwoFactorEnabled = member.TwoFactorEnabled;
        if (!member.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (ModelState.IsValid && !await users.CheckPasswordAsync(member, Current))
        {
            await audit.WriteAsync(AuditActions.TwoFactorFailed, target: member.Email, detail: "recovery-codes-password", cancellationToken: ct);
            ModelState.AddModelError(nameof(Current), l["Account.WrongPassword"]);
        }

        if (!ModelState.IsValid)
        {
            RecoveryCodesLeft = await CountCodesAsync(member.Id);
            return Page();
        }

        NewRecoveryCodes = await recovery.ReplaceAsync(member, ct);
        await db.SaveChangesAsync(ct);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private Task<int> CountCodesAsync(string memberId) => db.RecoveryCodes.CountAsync(c => c.MemberId == memberId && c.UsedAt == null);

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

        await using var transaction = await audit.BeginAsync(ct);
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
        await transaction.CommitAsync(ct);
        await signIn.RefreshSignInAsync(member);
        return RedirectToPage(new { changed = true });
    }
}
