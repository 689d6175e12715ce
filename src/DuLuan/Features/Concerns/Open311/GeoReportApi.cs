using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Features.Concerns.Open311.GeoReportWriter;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2/: discovery, services, requests (GET with filters, POST with an
/// API key), one request, and tokens. jurisdiction_id is the official code of a province or commune.
/// Errors use the spec's error list, in the requested format.
/// </summary>
public static class GeoReportApi
{
    public const string Root = "/open311/v2";
    public const int MaxBody = 64 * 1024;
    public const int MaxIds = 100;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    public static void MapOpen311(this WebApplication app)
    {
        var group = app.MapGroup(Root).AllowAnonymous().RequireRateLimiting(Open311Services.Policy);
        group.MapGet("/discovery.{format}", Discovery);
        group.MapGet("/services.{format}", Services);
        group.MapGet("/services/{code}.{format}", ServiceDefinition);
        group.MapGet("/requests.{format}", Requests);
        group.MapPost("/requests.{format}", Post).DisableAntiforgery();
        group.MapGet("/requests/{id}.{format}", Request);
        group.MapGet("/tokens/{token}.{format}", Token);
    }

    private static string? Format(string format) => format is Json or Xml ? format : null;

    private static IResult BadFormat() => Error(Json, StatusCodes.Status404NotFound, new Message("Open311.BadFormat").Both());

    /// <summary>The spec's two jurisdiction errors: 400 when jurisdiction_id is not given (one DuLuan serves many), 404 when it names no place.</summary>
    private static IResult NoJurisdiction(string format, string? given) => string.IsNullOrWhiteSpace(given)
        ? Error(format, StatusCodes.Status400BadRequest, new Message("Open311.JurisdictionRequired").Both())
        : Error(format, StatusCodes.Status404NotFound, new Message("Open311.NoJurisdiction").Both());

    private static IResult Discovery(string format, HttpRequest request)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        var url = $"{request.Scheme}://{request.Host}{Root}/";
        return Write(f, "discovery", new GeoFields
        {
            { "changeset", "2026-12-01T00:00:00+07:00" },
            { "contact", new Message("Open311.Contact").Vietnamese },
            { "key_service", new Message("Open311.KeyService").Both() },
            {
                "endpoints", new GeoList("endpoint", [new GeoFields
                {
                    { "specification", "http://wiki.open311.org/GeoReport_v2" },
                    { "url", url },
                    { "changeset", "2026-12-01T00:00:00+07:00" },
                    { "type", "production" },
                    { "formats", new GeoList("format", ["application/json", "text/xml"]) },
                }])
            },
        });
    }

    private static async Task<IResult> Services(string format, string? jurisdiction_id, AppDbContext db, CategoryCatalog catalog, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        if (await GeoReportRequests.JurisdictionAsync(db, jurisdiction_id, ct) is not { } jurisdiction)
        {
            return NoJurisdiction(f, jurisdiction_id);
        }

        var categories = await catalog.ForUnitAsync(jurisdiction.Id, ct: ct);
        return Write(f, "services", new GeoList("service", [.. categories.Select(c => (object)GeoReportRequests.Service(c))]));
    }

    private static async Task<IResult> ServiceDefinition(string code, string format, string? jurisdiction_id, AppDbContext db, CategoryCatalog catalog, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        if (await GeoReportRequests.JurisdictionAsync(db, jurisdiction_id, ct) is not { } jurisdiction)
        {
            return NoJurisdiction(f, jurisdiction_id);
        }

        return await catalog.FindAsync(jurisdiction.Id, code, ct) is not { Retired: false }
            ? Error(f, StatusCodes.Status404NotFound, new Message("Open311.NoServiceCode").Both())
            : Write(f, "service_definition", new GeoFields { { "service_code", code }, { "attributes", new GeoList("attribute", []) } });
    }

    private static async Task<IResult> Requests(string format, HttpRequest request, AppDbContext db, CategoryCatalog catalog, TimeProvider clock, OfficeTime office, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        var query = request.Query;
        if (await GeoReportRequests.JurisdictionAsync(db, query["jurisdiction_id"], ct) is not { } jurisdiction)
        {
            return NoJurisdiction(f, query["jurisdiction_id"]);
        }

        var cases = GeoReportRequests.InJurisdiction(db, jurisdiction);
        var services = (await catalog.ForUnitAsync(jurisdiction.Id, includeRetired: true, ct: ct)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(query["service_request_id"]))
        {
            var parts = query["service_request_id"].ToString().Split(',', StringSplitOptions.TrimEntries);
            var ids = new List<string>();
            foreach (var part in parts)
            {
                if (!RandomCodes.IsSlug(part) || ids.Count >= MaxIds)
                {
                    return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.BadIds", MaxIds).Both());
                }

                ids.Add(part);
            }

            // With ids, the spec says other parameters are ignored.
            return Write(f, "service_requests", await GeoReportRequests.ToRequestsAsync(db, cases.Where(c => ids.Contains(c.PublicRef)).OrderBy(c => c.CreatedAt).ThenBy(c => c.PublicRef), office, services, ct));
        }

        var serviceCode = query["service_code"].ToString();
        if (serviceCode.Length > 0)
        {
            if (!services.ContainsKey(serviceCode))
            {
                return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.NoServiceCode").Both());
            }

            // Cases without a category are listed as "khác" (other), as the requests show them.
            cases = serviceCode == GeoReportRequests.ServiceCode ? cases.Where(c => c.Category == serviceCode || c.Category == null) : cases.Where(c => c.Category == serviceCode);
        }

        var now = clock.GetUtcNow();
        if (!TryDate(query["start_date"], out var start) || !TryDate(query["end_date"], out var end))
        {
            return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.BadDates").Both());
        }

        end ??= start is { } s0 ? s0 + MaxRange : now;
        start ??= end.Value - MaxRange;
        if (start > end || end - start > MaxRange)
        {
            return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.DateRange").Both());
        }

        var from = start.Value.UtcDateTime;
        var to = end.Value.UtcDateTime;
        cases = cases.Where(c => c.CreatedAt >= from && c.CreatedAt <= to);
        var status = query["status"].ToString();
        var wanted = status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Any(w => w is not ("open" or "closed")))
        {
            return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.BadStatus").Both());
        }

        if (wanted.Length == 1)
        {
            cases = wanted[0] == "open"
                ? cases.Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Reopened)
                : cases.Where(c => c.Status == CaseStatus.Answered || c.Status == CaseStatus.Closed || c.Status == CaseStatus.Rejected);
        }

        var list = await GeoReportRequests.ToRequestsAsync(db, cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(GeoReportRequests.MaxResults), office, services, ct);
        return Write(f, "service_requests", list);
    }

    private static async Task<IResult> Request(string id, string format, string? jurisdiction_id, AppDbContext db, CategoryCatalog catalog, OfficeTime office, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        if (await GeoReportRequests.JurisdictionAsync(db, jurisdiction_id, ct) is not { } jurisdiction)
        {
            return NoJurisdiction(f, jurisdiction_id);
        }

        var services = (await catalog.ForUnitAsync(jurisdiction.Id, includeRetired: true, ct: ct)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var list = RandomCodes.IsSlug(id)
            ? await GeoReportRequests.ToRequestsAsync(db, GeoReportRequests.InJurisdiction(db, jurisdiction).Where(c => c.PublicRef == id), office, services, ct)
            : new GeoList("request", []);
        return list.Items.Count == 0
            ? Error(f, StatusCodes.Status404NotFound, new Message("Open311.NoRequest").Both())
            : Write(f, "service_requests", list);
    }

    private static async Task<IResult> Token(string token, string format, string? jurisdiction_id, AppDbContext db, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        if (await GeoReportRequests.JurisdictionAsync(db, jurisdiction_id, ct) is not { } jurisdiction)
        {
            return NoJurisdiction(f, jurisdiction_id);
        }

        var prefix = jurisdiction.Path;
        var found = token.Length == 32
            ? await db.Concerns.AsNoTracking().Where(c => c.Token == token && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)))
                .Select(c => new { CaseRef = db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.PublicRef).FirstOrDefault() }).FirstOrDefaultAsync(ct)
            : null;
        return found is null
            ? Error(f, StatusCodes.Status404NotFound, new Message("Open311.NoToken").Both())
            : Write(f, "service_requests", new GeoList("request", [new GeoFields
            {
                { "service_request_id", found.CaseRef },
                { "token", token },
            }]));
    }

    private static async Task<IResult> Post(string format, HttpRequest request, AppDbContext db, ApiKeys keys, CategoryCatalog catalog, ConcernIntake intake, PublicWriteAdmission admission, CancellationToken ct)
    {
        if (Format(format) is not { } f)
        {
            return BadFormat();
        }

        if (request.ContentLength > MaxBody)
        {
            return Error(f, StatusCodes.Status413PayloadTooLarge, new Message("Open311.TooLarge", MaxBody / 1024).Both());
        }

        if (!request.HasFormContentType)
        {
            return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.FormExpected").Both());
        }

        IFormCollection form;
        try
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxBody;
            }

            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Error(f, StatusCodes.Status400BadRequest, new Message("Open311.FormUnreadable").Both());
        }

        if (GeoReportPost.Check(form) is { } malformed)
        {
            return Error(f, malformed.Status, malformed.Description);
        }

        // The turn is taken before the first read: under overload a post is refused at once instead of queueing for
        // the connection pool (the database checks below are a dozen round trips).
        using var turn = await admission.TryEnterAsync(request.HttpContext);
        if (turn is null)
        {
            return Error(f, StatusCodes.Status429TooManyRequests, PublicWriteAdmission.Refusal);
        }

        var draft = await GeoReportPost.ValidateAsync(form, db, keys, catalog, ct);
        if (draft.Error is { } error)
        {
            return Error(f, error.Status, error.Description);
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(draft.Draft!, ct);
        }
        catch (WriterBusyException)
        {
            request.HttpContext.Response.Headers.RetryAfter = PublicWriteAdmission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Error(f, StatusCodes.Status429TooManyRequests, PublicWriteAdmission.Refusal);
        }

        var token = result.Token ?? await db.Concerns.AsNoTracking().Where(c => c.Id == result.ConcernId).Select(c => c.Token).SingleAsync(ct);
        return Write(f, "service_requests", new GeoList("request", [new GeoFields
        {
            { "token", token },
            { "service_notice", new Message("Open311.Received").Both() },
            { "account_id", null },
        }]), StatusCodes.Status201Created);
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
