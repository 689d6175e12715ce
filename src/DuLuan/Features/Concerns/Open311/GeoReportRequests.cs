using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Routing;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Open311;

/// <summary>Cases as GeoReport service requests: status mapped honestly, no personal data, the place as the address.</summary>
public static class GeoReportRequests
{
    /// <summary>The code of "khác" (other), a category of the default list every province starts with.</summary>
    public const string ServiceCode = "khac";
    public const int MaxResults = 1000;

    /// <summary>One service per category of the jurisdiction's province: the category's key is the service_code.</summary>
    public static GeoFields Service(Category category) => new()
    {
        { "service_code", category.Key },
        { "service_name", category.NameVi },
        { "description", new Message("Open311.ServiceDescription", category).Both() },
        { "metadata", false },
        { "type", "realtime" },
        { "keywords", string.Join(", ", category.Key, category.NameVi, category.NameEn) },
        { "group", new Message("Open311.ServiceGroup").Vietnamese },
    };

    /// <summary>Open311 knows open and closed only: answered, closed and rejected cases are closed, and the answer or reason is the status note.</summary>
    public static string Status(CaseStatus status) => status is CaseStatus.Answered or CaseStatus.Closed or CaseStatus.Rejected ? "closed" : "open";

    public static Task<Unit?> JurisdictionAsync(AppDbContext db, string? code, CancellationToken ct)
        => string.IsNullOrWhiteSpace(code) || code.Length > 20
            ? Task.FromResult<Unit?>(null)
            : db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code && u.ActiveTo == null && (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune), ct);

    public static IQueryable<Case> InJurisdiction(AppDbContext db, Unit jurisdiction)
    {
        var prefix = jurisdiction.Path;
        return db.Cases.AsNoTracking().Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)));
    }

    public static async Task<GeoList> ToRequestsAsync(AppDbContext db, IQueryable<Case> cases, OfficeTime office, IReadOnlyDictionary<string, Category> services, CancellationToken ct)
    {
        var rows = await cases
            .Select(c => new
            {
                c.Id,
                c.PublicRef,
                c.Status,
                c.Title,
                c.Description,
                c.Answer,
                c.Category,
                c.CreatedAt,
                c.DueAt,
                c.AnsweredAt,
                c.ClosedAt,
                Agency = db.Units.Where(u => u.Id == c.AgencyId).Select(u => u.Name).FirstOrDefault(),
                Place = db.Units.Where(u => u.Id == c.UnitId).Select(u => new { u.Name, u.Code }).First(),
                Updated = db.CaseEvents.Where(e => e.CaseId == c.Id && !e.RerouteRequested).Max(e => (DateTime?)e.At),
                Rejection = db.CaseEvents.Where(e => e.CaseId == c.Id && e.Status == CaseStatus.Rejected).OrderByDescending(e => e.At).Select(e => e.Note).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => (object)new GeoFields
        {
            { "service_request_id", r.PublicRef },
            { "status", Status(r.Status) },
            { "status_notes", r.Status == CaseStatus.Rejected ? r.Rejection : Status(r.Status) == "closed" ? r.Answer : null },
            // GeoReport requires a service: a case without a category is "khác" (other).
            { "service_name", services.TryGetValue(r.Category ?? ServiceCode, out var service) ? service.NameVi : r.Category ?? ServiceCode },
            { "service_code", r.Category ?? ServiceCode },
            { "description", r.Description },
            { "agency_responsible", r.Agency },
            { "service_notice", null },
            { "requested_datetime", office.Iso(r.CreatedAt) },
            { "updated_datetime", office.Iso(r.Updated ?? r.CreatedAt) },
            { "expected_datetime", r.DueAt is { } due ? office.Iso(due) : null },
            { "address", r.Place.Name },
            { "address_id", r.Place.Code },
            { "zipcode", null },
            { "lat", null },
            { "long", null },
            { "media_url", null },
            { "duluan_title", r.Title },
            { "duluan_status", Extension(r.Status) },
        }).ToList();
        return new GeoList("request", items);
    }

    /// <summary>Our own status in the extension field, so clients that care can tell answered from rejected.</summary>
    public static string Extension(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
