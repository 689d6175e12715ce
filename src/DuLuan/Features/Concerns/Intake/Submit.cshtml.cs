using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Text.RegularExpressions;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Files;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The public form (no account) where a resident raises a concern about a commune or province.
/// Anonymous unless they leave a contact for the answer. Bots meet a honeypot, a minimum fill time,
/// a per-address rate limit and size limits; nothing about the sender is kept.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ConcernsServices.PortalPolicy)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = 16 * 1024, ValueCountLimit = 20, MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed partial class SubmitModel(AppDbContext db, ConcernIntake intake, FormTimestamp timestamps, IOptions<ConcernOptions> options, UnitActivity activity, PublicWriteAdmission admission, Routing.CategoryCatalog catalog, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Title")]
    public string Title { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(4000, MinimumLength = 10, ErrorMessage = "Validation.Length")]
    [Display(Name = "Concerns.Field.Description")]
    public string Description { get; set; } = string.Empty;

    [BindProperty]
    [StringLength(ConcernPlace.MaxLocationLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Concerns.Field.Location")]
    public string? Location { get; set; }

    /// <summary>Filled by the "use my position" button (or typed); invariant decimal degrees.</summary>
    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    [Display(Name = "Concerns.Field.Category")]
    public string? Category { get; set; }

    [BindProperty]
    [Display(Name = "Concerns.Field.Photo")]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    [StringLength(254, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Concerns.Field.Email")]
    public string? Email { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Concerns.Field.Phone")]
    public string? Phone { get; set; }

    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Started { get; set; }

    /// <summary>The photo (5 MB) and the text fields, with room for the multipart framing.</summary>
    public const int MaxRequestBytes = AttachmentFiles.MaxBytes + (256 * 1024);

    public Unit Place { get; private set; } = null!;

    /// <summary>The place's province's categories the resident may choose from (retired ones are not offered).</summary>
    public List<Routing.Category> Choices { get; private set; } = [];

    /// <summary>What the resident is shown once after sending: the follow-up code as text and QR.</summary>
    public sealed record Receipt(string Code, string FollowUpPath, string QrDataUri, bool Held, long? Reference);

    /// <summary>Set after a send: the page shows the receipt instead of the form (rendered, not redirected, so the code is in no URL, cookie or cache).</summary>
    public Receipt? Sent { get; private set; }

    /// <summary>Set when the place has been merged or split away: the form is not offered, the successor is named.</summary>
    public string? Retired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        if (!await LoadPlaceAsync(unitCode, ct))
        {
            return NotFound();
        }

        Started = timestamps.Issue();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unitCode, CancellationToken ct)
    {
        if (!await LoadPlaceAsync(unitCode, ct))
        {
            return NotFound();
        }

        if (Retired is not null)
        {
            ModelState.AddModelError(string.Empty, Retired);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            // Say thanks with a code that was never stored, and keep nothing, so the bot learns nothing.
            return Show(FollowUpCode.New(), held: false);
        }

        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        if (Email is not null && (!MailAddress.TryCreate(Email, out var address) || address.Address != Email))
        {
            ModelState.AddModelError(nameof(Email), l["Validation.Email", l["Concerns.Field.Email"]]);
        }

        if (Phone is not null && !PhonePattern().IsMatch(Phone))
        {
            ModelState.AddModelError(nameof(Phone), l["Concerns.PhoneInvalid"]);
        }

        if (ModelState.IsValid && (TypedText.StripHtml(Title).Length < 5 || TypedText.StripHtml(Description).Length < 10))
        {
            ModelState.AddModelError(nameof(Description), l["Concerns.NoText"]);
        }

        var where = CheckPlace();
        var photo = await CheckPhotoAsync(ct);
        if (!string.IsNullOrEmpty(Category) && Choices.All(c => c.Key != Category))
        {
            ModelState.AddModelError(nameof(Category), l["Concerns.CategoryUnknown"]);
        }

        // Only a form that is otherwise right is told it came too fast or too late: the field errors come first.
        if (ModelState.IsValid && !timestamps.IsAcceptable(Started, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds)))
        {
            ModelState.AddModelError(string.Empty, l["Concerns.TooFast"]);
        }

        if (!ModelState.IsValid)
        {
            AskForPhotoAgain(photo);
            Started = timestamps.Issue();
            ModelState.Remove(nameof(Started));
            return Page();
        }

        using var turn = await admission.TryEnterAsync(HttpContext);
        if (turn is null)
        {
            // The form comes back with what the resident typed, so sending again is one click.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, l["PublicWrites.Busy"]);
            AskForPhotoAgain(photo);
            return Page();
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(new ConcernDraft(Place.Id, Title, Description, new Contact(Email, Phone), ConcernSource.Portal, FollowUp: true, where, Category, photo), ct);
        }
        catch (Data.WriterBusyException)
        {
            // Waited too long for the writer: not stored; the form comes back as when no turn was free.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = PublicWriteAdmission.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, l["PublicWrites.Busy"]);
            AskForPhotoAgain(photo);
            Started = timestamps.Issue();
            ModelState.Remove(nameof(Started));
            return Page();
        }

        return Show(result.FollowUpCode!, result.Status == ConcernStatus.Held, result.ConcernId);
    }

    /// <summary>
    /// The text comes back as typed, but no browser puts a file back in a file field: say so, or the concern would be
    /// sent again without the photo the resident believes is attached.
    /// </summary>
    private void AskForPhotoAgain(AttachmentFiles.Accepted? photo)
    {
        if (photo is not null)
        {
            ModelState.AddModelError(nameof(Photo), l["Concerns.Portal.PhotoChooseAgain"]);
        }
    }

    private ConcernPlace CheckPlace()
    {
        var latOk = ConcernPlace.TryCoordinate(Latitude, 90, out var lat);
        var lonOk = ConcernPlace.TryCoordinate(Longitude, 180, out var lon);
        if (!latOk || !lonOk || lat.HasValue != lon.HasValue)
        {
            ModelState.AddModelError(nameof(Latitude), l["Concerns.PointInvalid"]);
            return ConcernPlace.None;
        }

        return new ConcernPlace(Location, lat, lon);
    }

    private async Task<AttachmentFiles.Accepted?> CheckPhotoAsync(CancellationToken ct)
    {
        if (Photo is null || Photo.Length == 0)
        {
            return null;
        }

        if (Photo.Length > AttachmentFiles.MaxBytes)
        {
            ModelState.AddModelError(nameof(Photo), l["Concerns.PhotoTooLarge", AttachmentFiles.MaxBytes / (1024 * 1024)]);
            return null;
        }

        using var buffer = new MemoryStream();
        await Photo.CopyToAsync(buffer, ct);
        var (file, error) = AttachmentFiles.Check(Photo.FileName, buffer.ToArray());
        if (file is null || file.ContentType is not ("image/jpeg" or "image/png"))
        {
            // A PDF passes the attachment rules but is no photo; every refusal names the photo field.
            ModelState.AddModelError(nameof(Photo), error == "Respond.Attach.TooManyPixels" ? l["Concerns.PhotoTooManyPixels"] : l["Concerns.PhotoNotImage"]);
            return null;
        }

        return file;
    }

    private PageResult Show(string code, bool held, long? reference = null)
    {
        var shown = FollowUpCode.Format(code);
        // The QR holds the follow-up page with the code after '#': browsers never send that part to a server.
        Sent = new Receipt(shown, FollowUpModel.PathFor(Place.Code!), Infrastructure.QrImage.SvgDataUri($"{Request.Scheme}://{Request.Host}{FollowUpModel.PathFor(Place.Code!)}#ma={shown}"), held, reference);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<bool> LoadPlaceAsync(string? unitCode, CancellationToken ct)
    {
        var place = unitCode?.Length is not > 0 and <= 20 ? null : await db.Units.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Code == unitCode && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province), ct);
        Place = place!;
        Retired = place is null ? null : await activity.RefusalAsync(place, ct);
        Choices = place is null ? [] : await catalog.ForUnitAsync(place.Id, ct: ct);
        return place is not null;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{7,18}$", RegexOptions.CultureInvariant, 1000)]
    internal static partial Regex PhonePattern();
}
