using DuLuan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features.PublicSite;

/// <summary>
/// A printable A4 poster for the place's notice board: its name, what residents can do on its site, and QR codes to
/// the concern form and the follow-up page (addresses printed beside them for those who type).
/// </summary>
[AllowAnonymous]
public sealed class PosterModel(PublicPlaces places) : PageModel
{
    public PublicPlace Place { get; private set; } = null!;

    public string FormUrl { get; private set; } = string.Empty;

    public string FollowUpUrl { get; private set; } = string.Empty;

    public string FormQr { get; private set; } = string.Empty;

    public string FollowUpQr { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        var place = await places.ByCodeAsync(unitCode, ct);
        if (place is null)
        {
            return NotFound();
        }

        Place = place;
        var root = $"{Request.Scheme}://{Request.Host}{place.Home}";
        FormUrl = root + "/phan-anh";
        FollowUpUrl = root + "/theo-doi";
        FormQr = QrImage.SvgDataUri(FormUrl, 8);
        FollowUpQr = QrImage.SvgDataUri(FollowUpUrl, 8);
        return Page();
    }
}
