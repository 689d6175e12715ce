using System.ComponentModel.DataAnnotations;
using System.Text;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace DuLuan.Features.Account;

/// <summary>TOTP enrolment with a QR code; required before Admins and Leads can use anything else.</summary>
public sealed class EnableAuthenticatorModel(UserManager<Member> users, SignInManager<Member> signIn, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.Code")]
    public string Code { get; set; } = string.Empty;

    public string SharedKey { get; private set; } = string.Empty;

    public string QrDataUri { get; private set; } = string.Empty;

    public bool Required => User.HasClaim(AccountServices.NeedsTwoFactorClaim, "1");

    public async Task<IActionResult> OnGetAsync()
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await users.GetUserAsync(User);
        if (member is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(string.Empty, l["TwoFactor.Failed"]);
            }

            await LoadKeyAsync(member);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(member, true);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, target: member.Email, cancellationToken: ct);
        await signIn.RefreshSignInAsync(member);
        return LocalRedirect("/");
    }

    private async Task LoadKeyAsync(Member member)
    {
        var key = await users.GetAuthenticatorKeyAsync(member);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(member);
            await signIn.RefreshSignInAsync(member);
            key = await users.GetAuthenticatorKeyAsync(member);
        }

        SharedKey = key!;
        var uri = $"otpauth://totp/DuLuan:{Uri.EscapeDataString(member.Email ?? member.Id)}?secret={key}&issuer=DuLuan&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
