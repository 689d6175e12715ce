using System.ComponentModel.DataAnnotations;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Account;

/// <summary>
/// Lifts the sign-in back-off by e-mail. Asking for a link answers the same for every address; the mail goes out
/// after the response, so its timing says nothing either. Opening the link shows a button (mail scanners follow
/// links, they do not submit forms); submitting it clears the back-off from every address and is audited.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebServices.SignInPolicy)]
public sealed class UnlockModel(
    UserManager<Member> users,
    SetupTokens tokens,
    SignInThrottles throttles,
    AppDbContext db,
    AuditLog audit,
    IMailSender mail,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public bool Unlocked { get; private set; }

    public bool Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Token))
        {
            Invalid = await tokens.FindValidAsync(Token, SetupTokens.UnlockPurpose, ct) is null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Token))
        {
            return await ConfirmAsync(Token, ct);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Email.Trim();
        var member = await users.FindByEmailAsync(email);
        audit.Add(AuditActions.UnlockLinkRequested, target: email);
        if (member is { Disabled: false, Email: { } to })
        {
            var link = $"{configuration["Account:BaseUrl"]?.TrimEnd('/') ?? "http://127.0.0.1:5080"}/Account/Unlock?token={tokens.AddUnlock(member.Id)}";
            var subject = l["Unlock.MailSubject"].Value;
            var body = $"{l["Unlock.MailBody"].Value}\n\n{link}\n\n{l["Unlock.MailIgnore"].Value}\n";
            Response.OnCompleted(() => mail.SendAsync(to, subject, body, cancellationToken: CancellationToken.None));
        }

        await db.SaveChangesAsync(ct);
        Sent = true;
        return Page();
    }

    private async Task<IActionResult> ConfirmAsync(string token, CancellationToken ct)
    {
        ModelState.Clear();
        var record = await tokens.FindValidAsync(token, SetupTokens.UnlockPurpose, ct);
        if (record?.Member is not { } member)
        {
            Invalid = true;
            return Page();
        }

        await throttles.ForgetAccountAsync(member.Email!, ct);
        if (!member.Disabled)
        {
            member.LockoutEnd = null;
            member.AccessFailedCount = 0;
        }

        tokens.MarkUsed(record);
        audit.Add(AuditActions.AccountUnlocked, target: member.Email, detail: "e-mail");
        await db.SaveChangesAsync(ct);
        Unlocked = true;
        return Page();
    }
}
