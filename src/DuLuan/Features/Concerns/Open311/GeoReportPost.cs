using System.Globalization;
using System.Net.Mail;
using DuLuan.Data;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>
/// Checks a GeoReport POST and turns it into a concern draft. Only what answering needs is kept: the
/// description, and an e-mail or phone for the answer (encrypted by the intake). Names, device and
/// account ids, coordinates and media links are checked for size and dropped. The service_code files it under that category.
/// </summary>
public static class GeoReportPost
{
    public sealed record Problem(int Status, string Description);

    public sealed record Outcome(ConcernDraft? Draft, Problem? Error);

    public const int MaxDescription = 4000;
    public const int MaxOther = 500;

    private static readonly string[] Dropped = ["first_name", "last_name", "device_id", "account_id", "address_string", "address_id", "media_url"];

    /// <summary>
    /// The checks that need no database (sizes, coordinates, description, contact): made before the request takes a turn
    /// of <see cref="Infrastructure.PublicWriteAdmission"/>, so malformed input gets its 400 even under overload.
    /// </summary>
    public static Problem? Check(IFormCollection form)
    {
        static Problem Bad(string field, string key, params object[] args) => new(StatusCodes.Status400BadRequest, $"{field}: {new Message(key, args).Both()}");

        if (string.IsNullOrWhiteSpace(form["jurisdiction_id"]))
        {
            return new Problem(StatusCodes.Status400BadRequest, new Message("Open311.JurisdictionRequired").Both());
        }

        foreach (var field in Dropped)
        {
            if (form[field].ToString().Length > MaxOther)
            {
                return Bad(field, "Open311.TooLong", MaxOther);
            }
        }

        var lat = form["lat"].ToString();
        var lon = form["long"].ToString();
        if ((lat.Length > 0 || lon.Length > 0) && (!Coordinate(lat, 90) || !Coordinate(lon, 180)))
        {
            return Bad("lat/long", "Open311.BadLocation");
        }

        var raw = form["description"].ToString();
        if (raw.Length > MaxDescription)
        {
            return Bad("description", "Open311.TooLong", MaxDescription);
        }

        if (TypedText.StripHtml(raw).Length < 10)
        {
            return Bad("description", "Open311.DescriptionRequired");
        }

        var email = form["email"].ToString().Trim();
        if (email.Length > 0 && (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email))
        {
            return Bad("email", "Open311.BadEmail");
        }

        var phone = form["phone"].ToString().Trim();
        return phone.Length > 0 && (phone.Length > 20 || !SubmitModel.PhonePattern().IsMatch(phone)) ? Bad("phone", "Open311.BadPhone") : null;
    }

    /// <summary>
    /// The checks against the database (the key, the place, the key's reach, the service) of a form that passed
    /// <see cref="Check"/>, made inside the request's admission turn: every read a public write makes is bounded by it.
    /// </summary>
    public static async Task<Outcome> ValidateAsync(IFormCollection form, AppDbContext db, ApiKeys keys, CategoryCatalog catalog, CancellationToken ct)
    {
        if (Check(form) is { } problem)
        {
            return new(null, problem);
        }

        if (!await keys.IsValidAsync(form["api_key"], ct))
        {
            return new(null, new Problem(StatusCodes.Status403Forbidden, new Message("Open311.BadKey").Both()));
        }

        if (await GeoReportRequests.JurisdictionAsync(db, form["jurisdiction_id"], ct) is not { } place)
        {
            return new(null, new Problem(StatusCodes.Status404NotFound, new Message("Open311.PostNoJurisdiction").Both()));
        }

        // A province's key posts only about its own places.
        if (!await keys.CoversAsync(form["api_key"], place.Path, ct))
        {
            return new(null, new Problem(StatusCodes.Status403Forbidden, new Message("Open311.KeyOutsidePlace").Both()));
        }

        // The service is one of the province's categories (GET services); a retired or unknown one is refused, not guessed.
        if (await catalog.FindAsync(place.Id, form["service_code"].ToString(), ct) is not { Retired: false } category)
        {
            return new(null, new Problem(StatusCodes.Status400BadRequest, $"service_code: {new Message("Open311.UnknownService").Both()}"));
        }

        var raw = form["description"].ToString();
        var email = form["email"].ToString().Trim();
        var phone = form["phone"].ToString().Trim();
        var title = Title(TypedText.StripHtml(raw));
        return new(new ConcernDraft(place.Id, title, raw, new Contact(email.Length > 0 ? email : null, phone.Length > 0 ? phone : null), ConcernSource.Open311, Category: category.Key), null);
    }

    /// <summary>GeoReport has no title: the first line of the description, cut at a word near 100 characters.</summary>
    public static string Title(string plain)
    {
        var line = plain.Split('\n')[0];
        if (line.Length <= 100)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', 100);
        return string.Concat(line.AsSpan(0, cut > 40 ? cut : 100), "…");
    }

    private static bool Coordinate(string text, double limit)
        => text.Length is > 0 and <= 30
           && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
           && double.IsFinite(value) && Math.Abs(value) <= limit;
}
