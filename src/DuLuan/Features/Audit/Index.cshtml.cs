using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Audit;

/// <summary>
/// Admins browse the audit log of their subtree by action and office-time date range, a page at a time. Entries without
/// a unit (sign-ins, two-step, passwords) are shown to admins of a unit where that member holds a role; the rest of them
/// (unknown e-mails, the command line) to admins of the whole tree only.
/// </summary>
public sealed class IndexModel(AppDbContext db, UnitScope scope, AuditText text, MemberNames memberNames, OfficeTime office) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The farthest page one may ask for; deeper paging is a narrower date range.</summary>
    public const int MaxPage = 10_000;

    public sealed record Entry(long Id, DateTime At, string? ActorId, string? ActorName, string Action, string? UnitName, string? Target, string? Detail, string? RemoteAddress);

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public List<Entry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Every action with a label (each feature's actions, not only the kernel's), for the filter.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions => text.Actions();

    public AuditText Text => text;

    /// <summary>The query string of the current filters with another page, for the pager's links.</summary>
    public string PageHref(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["action"] = Action,
        ["from"] = From,
        ["to"] = To,
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var paths = await scope.PathsAsync(Permission.ViewAudit, ct);
        if (paths.Count == 0)
        {
            return NotFound();
        }

        // Filters are read by hand so a wrong value gets the page's own message, never the framework's English one.
        ModelState.Clear();
        var from = Day(nameof(From), From);
        var to = Day(nameof(To), To);
        if (from is { } f && to is { } t && f > t)
        {
            ModelState.AddModelError(nameof(To), "Audit.Error.Range");
        }

        PageNumber = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage ? page : 1;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = await VisibleAsync(paths, ct);
        if (!string.IsNullOrEmpty(Action))
        {
            query = query.Where(a => a.Action == Action);
        }

        if (from is { } first)
        {
            var start = office.StartUtc(first);
            query = query.Where(a => a.At >= start);
        }

        if (to is { } last)
        {
            var end = office.StartUtc(last.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, Pages);
        Entries = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Entry(a.Id, a.At, a.ActorId, a.ActorName, a.Action, db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(), a.Target, a.Detail, a.RemoteAddress))
            .ToListAsync(ct);
        Names = await memberNames.OfAsync(Entries.Select(e => e.ActorId), ct);
        return Page();
    }

    private async Task<IQueryable<AuditEntry>> VisibleAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        var rootPaths = await db.Units.Where(u => u.ParentId == null).Select(u => u.Path).ToListAsync(ct);
        if (paths.Intersect(rootPaths, StringComparer.Ordinal).Any())
        {
            return db.AuditEntries.AsNoTracking();
        }

        var units = (await scope.UnitsAsync(Permission.ViewAudit, ct)).Select(u => u.Id);
        var members = db.Memberships.Where(m => units.Contains(m.UnitId)).Select(m => m.MemberId);
        var emails = db.Users.Where(u => members.Contains(u.Id)).Select(u => u.Email);
        return db.AuditEntries.AsNoTracking().Where(a => a.UnitId != null
            ? units.Contains(a.UnitId.Value)
            : (a.ActorId != null && members.Contains(a.ActorId)) || (a.Target != null && emails.Contains(a.Target)));
    }

    private DateOnly? Day(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2200)
        {
            return day;
        }

        ModelState.AddModelError(field, "Audit.Error.Date");
        return null;
    }
}
