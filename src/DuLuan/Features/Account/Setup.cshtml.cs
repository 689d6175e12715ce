using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DuLuan.Features.Account;

/// <summary>A new member opens the one-time link, chooses a password and is signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class SetupModel(SetupTokens tokens, UserManager<Member> users, SignInManager<Member> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "Validation.Confirm")]
    [Display(Name = "Field.ConfirmPassword")]
    public string Confirm { get; set; } = string.Empty;

    public bool Invalid { get; private set; }

    public string? Email { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var record = await tokens.FindValidAsync(Token, SetupTokens.SetupPurpose, ct);
        Invalid = record is null;
        Email = record?.Member?.Email;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var record = await tokens.FindValidAsync(Token, SetupTokens.SetupPurpose, ct);
        if (record?.Member is not { } member)
        {
            Invalid = true;
            return Page();
        }

        Email = member.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.AddPasswordAsync(member, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        tokens.MarkUsed(record);
        audit.Add(AuditActions.PasswordSet, target: member.Email);
        await db.SaveChangesAsync(ct);
        await signIn.SignInAsync(member, isPersistent: false);
        return LocalRedirect("/");
    }
}
