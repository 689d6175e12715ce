using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features;

/// <summary>The role guides (docs/guides) for signed-in staff, and their screenshots.</summary>
public sealed class GuideModel : PageModel
{
    public string Slug { get; private set; } = string.Empty;

    public string? Html { get; private set; }

    public IActionResult OnGet(string? role)
    {
        Slug = role ?? string.Empty;
        if (Slug.Length == 0)
        {
            return Page();
        }

        Html = RoleGuides.Html(Slug, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
        return Html is null ? NotFound() : Page();
    }

    public IActionResult OnGetImage(string? name)
        => name is not null && RoleGuides.Image(name) is { } png ? File(png, "image/png") : NotFound();
}
