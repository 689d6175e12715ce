using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Monitoring;

/// <summary>The feed registry of the member's units, with each feed's health; editors and up add and pause feeds.</summary>
public sealed class FeedsModel(AppDbContext db, MonitoringQueries queries, FetchBackoff backoff, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Feed Feed, string UnitName, int ArticlesLastDay, bool FailingForADay);

    public List<Row> Rows { get; private set; } = [];

    public List<Unit> ManagedUnits { get; private set; } = [];

    [BindProperty]
    public FeedForm Form { get; set; } = new();

    public sealed class FeedForm
    {
        public long UnitId { get; set; }

        public string? Url { get; set; }

        public string? Name { get; set; }

        public string? Outlet { get; set; }

        public string? Language { get; set; } = "vi";

        public int PollMinutes { get; set; } = 30;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await queries.CanManageAsync(Form.UnitId, ct))
        {
            return NotFound();
        }

        var url = Form.Url?.Trim() ?? "";
        if (url.Length == 0 || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Form.Url", l["Monitoring.Feeds.Error.Url"]);
        }

        var name = Form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError("Form.Name", l["Monitoring.Feeds.Error.Name"]);
        }

        var outlet = string.IsNullOrWhiteSpace(Form.Outlet) ? name : Form.Outlet.Trim();
        if (outlet.Length > 200)
        {
            ModelState.AddModelError("Form.Outlet", l["Monitoring.Feeds.Error.Outlet"]);
        }

        if (Form.PollMinutes is < 5 or > 1440)
        {
            ModelState.AddModelError("Form.PollMinutes", l["Monitoring.Feeds.Error.Poll"]);
        }

        var language = string.IsNullOrWhiteSpace(Form.Language) ? "vi" : Form.Language.Trim();
        if (language.Length > 20)
        {
            ModelState.AddModelError("Form.Language", l["Monitoring.Feeds.Error.Language"]);
        }

        if (ModelState.IsValid && await db.Feeds.AnyAsync(f => f.UnitId == Form.UnitId && f.Url == url, ct))
        {
            ModelState.AddModelError("Form.Url", l["Monitoring.Feeds.Error.Duplicate"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Feeds.Add(new Feed { UnitId = Form.UnitId, Url = url, Name = name, Outlet = outlet, Language = language, PollMinutes = Form.PollMinutes, CreatedAt = now, NextPollAt = now });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var feed = await db.Feeds.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null || !await queries.CanManageAsync(feed.UnitId, ct))
        {
            return NotFound();
        }

        feed.Active = !feed.Active;
        if (feed.Active)
        {
            feed.NextPollAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ManagedUnits = await queries.ManagedUnitsAsync(ct);
        var visible = await queries.VisibleUnitIdsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var feeds = await db.Feeds.AsNoTracking().Where(f => visible.Contains(f.UnitId)).OrderBy(f => f.Name).Take(500).ToListAsync(ct);
        var feedIds = feeds.Select(f => f.Id).ToList();
        var counts = await db.Articles.AsNoTracking().Where(a => feedIds.Contains(a.FeedId) && a.FetchedAt >= dayAgo)
            .GroupBy(a => a.FeedId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await db.Units.AsNoTracking().Where(u => visible.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Rows = feeds.Select(f => new Row(f, names.GetValueOrDefault(f.UnitId, ""), counts.GetValueOrDefault(f.Id),
            backoff.IsFailingForADay(now, f.LastSuccessAt, f.CreatedAt, f.ConsecutiveFailures))).ToList();
    }
}
