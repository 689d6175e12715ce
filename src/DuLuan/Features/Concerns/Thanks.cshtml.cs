using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.Concerns;

[AllowAnonymous]
public sealed class ThanksModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Held { get; set; }

    public bool IsHeld => Held == 1;
}
