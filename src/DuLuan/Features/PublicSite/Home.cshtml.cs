using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.PublicSite;

/// <summary>
/// The public home: a resident types the name of their commune or province (diacritics optional) and opens its site.
/// Signed-in staff are sent on to their own home, so "/" stays the way back to the workspace.
/// </summary>
[AllowAnonymous]
public sealed class HomeModel(PublicPlaces places) : PageModel
{
    public const string StaffHome = "/Home";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public List<PublicPlace> Found { get; private set; } = [];

    public bool TooLong { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(StaffHome);
        }

        if (Query?.Length > Units.UnitSearch.MaxQueryLength)
        {
            TooLong = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Found = await places.SearchAsync(Query, ct);
        return Page();
    }
}
