using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features;

/// <summary>Switches the interface language (Vietnamese by default, English on request) with a cookie.</summary>
[AllowAnonymous]
public sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = WebServices.Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.Ordinal))?.Name ?? "vi";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
