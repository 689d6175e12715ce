using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.Account;

public sealed class LogoutModel(SignInManager<Member> signIn, UserManager<Member> users, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>A new security stamp makes every copy of the old cookie worthless, not just this browser's.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } member)
        {
            await users.UpdateSecurityStampAsync(member);
            await audit.WriteAsync(AuditActions.SignOut, target: member.Email, cancellationToken: ct);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
