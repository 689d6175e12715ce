using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Publish.Posts;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Publish;

/// <summary>
/// The editorial calendar of a unit and its subtree, by week or month (days in the office's time zone). A post is moved by
/// dragging it to another day (wwwroot/js/publish-calendar.js) or, without a mouse, with the date field beside it;
/// both post the same form, which keeps the time of day.
/// </summary>
public sealed class CalendarModel(AppDbContext db, UnitScope access, PostWorkflow workflow, TimeProvider clock, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Entry(long Id, string Title, string Unit, PostStatus Status, DateTime At, int Version);

    [BindProperty(SupportsGet = true)]
    public long? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; } = "month";

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Last { get; private set; }

    public DateOnly Anchor { get; private set; }

    public List<Unit> Units { get; private set; } = [];

    public ILookup<DateOnly, Entry> ByDay { get; private set; } = Array.Empty<Entry>().ToLookup(e => DateOnly.MinValue);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long postId, int version, string? day, CancellationToken ct)
    {
        var posts = await access.InScope(db.Posts, p => p.UnitId, PostRoles.Writers, ct);
        var post = await posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
        {
            return NotFound();
        }

        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var target) || target.Year is < 2000 or > 2200)
        {
            return await ErrorAsync(l["Publish.Error.Time"], ct);
        }

        var local = post.ScheduledAt is { } at ? office.ToLocal(at) : target.ToDateTime(new TimeOnly(9, 0));
        var moved = target.ToDateTime(TimeOnly.FromDateTime(local));
        var utc = office.ToUtc(moved);
        if (utc < clock.GetUtcNow().UtcDateTime)
        {
            return await ErrorAsync(l["Publish.Error.Past"], ct);
        }

        var result = await workflow.ScheduleAsync(post, utc, version, ct);
        if (!result.Ok)
        {
            return await ErrorAsync(l[result.ErrorKey!, result.Args ?? []], ct);
        }

        return Redirect($"/Publish/Calendar?UnitId={UnitId}&View={Uri.EscapeDataString(View ?? "month")}&Date={target:yyyy-MM-dd}");
    }

    private async Task<IActionResult> ErrorAsync(string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var units = await access.UnitsAsync(PostRoles.Readers, ct);
        Units = await units.Where(u => u.ActiveTo == null).OrderBy(u => u.Path).Take(500).ToListAsync(ct);
        if (Units.Count == 0 || (UnitId is { } chosen && Units.All(u => u.Id != chosen)))
        {
            return false;
        }

        View = View == "week" ? "week" : "month";
        var today = office.Today;
        Anchor = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is > 2000 and < 2200 ? d : today;
        if (View == "week")
        {
            First = Anchor.AddDays(-(((int)Anchor.DayOfWeek + 6) % 7));
            Last = First.AddDays(6);
        }
        else
        {
            var monthStart = new DateOnly(Anchor.Year, Anchor.Month, 1);
            First = monthStart.AddDays(-(((int)monthStart.DayOfWeek + 6) % 7));
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            Last = monthEnd.AddDays(6 - (((int)monthEnd.DayOfWeek + 6) % 7));
        }

        var (from, to) = office.RangeUtc(First, Last);
        var posts = await access.InScope(db.Posts, p => p.UnitId, PostRoles.Readers, ct);
        if (UnitId is { } unitId)
        {
            var path = Units.First(u => u.Id == unitId).Path;
            posts = posts.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(path)));
        }

        var rows = await posts.AsNoTracking()
            .Where(p => (p.PublishedAt != null && p.PublishedAt >= from && p.PublishedAt < to) || (p.PublishedAt == null && p.ScheduledAt != null && p.ScheduledAt >= from && p.ScheduledAt < to))
            .Join(db.Units, p => p.UnitId, u => u.Id, (p, u) => new { p.Id, p.Title, Unit = u.Name, p.Status, At = p.PublishedAt ?? p.ScheduledAt!.Value, p.Version })
            .OrderBy(p => p.At).Take(2000).ToListAsync(ct);
        ByDay = rows.Select(r => new Entry(r.Id, r.Title, r.Unit, r.Status, r.At, r.Version))
            .ToLookup(e => office.LocalDay(e.At));
        return true;
    }
}
