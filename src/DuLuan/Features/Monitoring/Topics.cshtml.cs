using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Monitoring;

/// <summary>Watch topics per unit: rules from the text core, previewed on the last 30 days before saving, with daily counts.</summary>
public sealed class TopicsModel(AppDbContext db, MonitoringQueries queries, TopicPreview preview, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RuleLimit = 4000;

    public sealed record Row(WatchTopic Topic, string UnitName, int LastDay, int Last30Days);

    public List<Row> Rows { get; private set; } = [];

    public List<Unit> ManagedUnits { get; private set; } = [];

    [BindProperty]
    public long UnitId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Rule { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>JSON for the live preview; a syntax error answers 400 with the position and reason in both languages.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(long unitId, string? rule, CancellationToken ct)
    {
        if (!await queries.CanViewAsync(unitId, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(rule) || rule.Length > RuleLimit)
        {
            return BadRequest(new { field = "rule", message = l["Monitoring.Topics.Error.Rule"].Value });
        }

        try
        {
            return new JsonResult(await preview.RunAsync(unitId, rule, ct));
        }
        catch (TextSyntaxException e)
        {
            return BadRequest(new { field = "rule", position = e.Position, message = e.ReasonVi, messageEn = e.ReasonEn });
        }
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await queries.CanManageAsync(UnitId, ct))
        {
            return NotFound();
        }

        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError(nameof(Name), l["Monitoring.Topics.Error.Name"]);
        }

        var rule = Rule?.Trim() ?? "";
        if (rule.Length is 0 or > RuleLimit)
        {
            ModelState.AddModelError(nameof(Rule), l["Monitoring.Topics.Error.Rule"]);
        }
        else if (WatchTopicSet.Validate(rule) is { } error)
        {
            ModelState.AddModelError(nameof(Rule), l["Monitoring.Topics.Error.Syntax", error.Position, error.ReasonVi]);
        }
        else if (TypedText.NamesAPerson(name) || TypedText.NamesAPerson(rule))
        {
            // Topics, not people: a topic that follows a named resident or author would be a watchlist.
            ModelState.AddModelError(nameof(Rule), l["Monitoring.Topics.Error.Person"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.WatchTopics.Add(new WatchTopic { UnitId = UnitId, Name = name, Rule = rule, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var topic = await db.WatchTopics.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null || !await queries.CanManageAsync(topic.UnitId, ct))
        {
            return NotFound();
        }

        topic.Active = !topic.Active;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ManagedUnits = await queries.ManagedUnitsAsync(ct);
        var visible = await queries.VisibleUnitIdsAsync(ct);
        var managed = ManagedUnits.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var monthAgo = now.AddDays(-30);
        var topics = await db.WatchTopics.AsNoTracking().Where(t => visible.Contains(t.UnitId) || managed.Contains(t.UnitId)).OrderBy(t => t.Name).Take(500).ToListAsync(ct);
        var ids = topics.Select(t => t.Id).ToList();
        var counts = await db.TopicHits.AsNoTracking().Where(h => ids.Contains(h.TopicId) && h.At >= monthAgo)
            .GroupBy(h => h.TopicId)
            .Select(g => new { g.Key, Month = g.Count(), Day = g.Count(h => h.At >= dayAgo) })
            .ToDictionaryAsync(g => g.Key, ct);
        var unitIds = topics.Select(t => t.UnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Rows = topics.Select(t => new Row(t, names.GetValueOrDefault(t.UnitId, ""), counts.TryGetValue(t.Id, out var c) ? c.Day : 0, c?.Month ?? 0)).ToList();
    }
}
