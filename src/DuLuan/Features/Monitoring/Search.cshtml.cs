using System.Globalization;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Monitoring;

/// <summary>Diacritic-insensitive search of the member's articles with filters, snippets, highlights and saved searches.</summary>
public sealed class SearchModel(AppDbContext db, MonitoringQueries queries, ArticleSearch search, UnitScope scope, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Hit(Article Article, IReadOnlyList<SnippetSegment> Title, IReadOnlyList<SnippetSegment> Snippet);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public SearchSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public string? Error { get; private set; }

    public List<Hit> Hits { get; private set; } = [];

    public int Total { get; private set; }

    public bool TotalIsLowerBound { get; private set; }

    public bool Searched { get; private set; }

    public List<string> Outlets { get; private set; } = [];

    public List<WatchTopic> Topics { get; private set; } = [];

    public List<(long Id, string Name)> Units { get; private set; } = [];

    public List<SavedSearch> Saved { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var visible = await queries.VisibleUnitIdsAsync(ct);
        await LoadFiltersAsync(visible, ct);
        if (string.IsNullOrWhiteSpace(Q) && Topic is null)
        {
            return Page();
        }

        var units = Unit is { } u ? (visible.Contains(u) ? [u] : []) : visible;
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To))?.AddDays(1);
        if (Error is not null)
        {
            return Page();
        }

        SearchQuery query;
        try
        {
            query = SearchQuery.Parse(string.IsNullOrWhiteSpace(Q) ? "" : Q);
        }
        catch (TextSyntaxException e)
        {
            if (!string.IsNullOrWhiteSpace(Q) || Topic is null)
            {
                Error = l["Monitoring.Search.Error.Syntax", e.Position + 1, CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? e.ReasonEn : e.ReasonVi];
                return Page();
            }
            query = null!;
        }
        Searched = true;
        PageNumber = Math.Clamp(PageNumber, 1, ArticleSearch.CountCap / PageSize);
        if (query is null)
        {
            // A topic alone: its articles, newest first.
            var q = db.Articles.AsNoTracking().Where(a => units.Contains(a.UnitId) && db.TopicHits.Any(h => h.ArticleId == a.Id && h.TopicId == Topic));
            if (from is { } f)
            {
                q = q.Where(a => a.PublishedAt >= f);
            }

            if (to is { } t)
            {
                q = q.Where(a => a.PublishedAt < t);
            }

            if (!string.IsNullOrWhiteSpace(Outlet))
            {
                q = q.Where(a => a.Outlet == Outlet);
            }

            Total = await q.Take(ArticleSearch.CountCap).CountAsync(ct);
            var list = await q.OrderByDescending(a => a.PublishedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            Hits = list.Select(a => new Hit(a, [new SnippetSegment(a.Title, false)], Snippet.Build(a.Text, []))).ToList();
            return Page();
        }
        var page = await search.SearchAsync(new ArticleSearchRequest(query, units, from, to, Outlet, Topic, Sort, (PageNumber - 1) * PageSize, PageSize), ct);
        Total = page.Total;
        TotalIsLowerBound = page.TotalIsLowerBound;
        Hits = page.Articles.Select(a => new Hit(a, Snippet.Highlight(a.Title, query.Highlights), Snippet.Build(a.Text, query.Highlights))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? name, CancellationToken ct)
    {
        var visible = await queries.VisibleUnitIdsAsync(ct);
        var memberId = scope.MemberId;
        var unitId = Unit is { } u && visible.Contains(u) ? u : visible.FirstOrDefault();
        if (memberId is null || unitId == 0)
        {
            return NotFound();
        }

        var cleanName = name?.Trim() ?? "";
        var kept = Request.Query.Where(p => !p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var queryString = Microsoft.AspNetCore.Http.QueryString.Create(kept).Value ?? "";
        if (cleanName.Length is 0 or > 200 || queryString.Length > 2000)
        {
            TempData["SaveError"] = l["Monitoring.Search.Error.SaveName"].Value;
            return Redirect("/Monitoring/Search" + queryString);
        }

        // Topics, not people: a kept search for a named resident or author would be a watchlist.
        if (TypedText.NamesAPerson(cleanName) || Request.Query["q"].Any(q => q is not null && TypedText.NamesAPerson(q)))
        {
            TempData["SaveError"] = l["Monitoring.Search.Error.Person"].Value;
            return Redirect("/Monitoring/Search" + queryString);
        }

        db.SavedSearches.Add(new SavedSearch { UnitId = unitId, MemberId = memberId, Name = cleanName, Query = queryString, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Redirect("/Monitoring/Search" + queryString);
    }

    public async Task<IActionResult> OnPostDeleteSavedAsync(long id, CancellationToken ct)
    {
        var memberId = scope.MemberId;
        var saved = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id && s.MemberId == memberId, ct);
        if (saved is null)
        {
            return NotFound();
        }

        db.SavedSearches.Remove(saved);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private DateTime? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        Error = l["Monitoring.Search.Error.Date", field == nameof(From) ? l["Monitoring.Search.From"] : l["Monitoring.Search.To"]];
        return null;
    }

    private async Task LoadFiltersAsync(List<long> visible, CancellationToken ct)
    {
        Outlets = await db.Feeds.AsNoTracking().Where(f => visible.Contains(f.UnitId)).Select(f => f.Outlet).Distinct().OrderBy(o => o).Take(300).ToListAsync(ct);
        Topics = await db.WatchTopics.AsNoTracking().Where(t => visible.Contains(t.UnitId)).OrderBy(t => t.Name).Take(300).ToListAsync(ct);
        Units = (await db.Units.AsNoTracking().Where(u => visible.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        var memberId = scope.MemberId;
        Saved = await db.SavedSearches.AsNoTracking().Where(s => s.MemberId == memberId && visible.Contains(s.UnitId)).OrderBy(s => s.Name).Take(50).ToListAsync(ct);
    }
}
