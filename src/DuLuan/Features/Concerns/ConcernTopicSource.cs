using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Infrastructure.Dialogue;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns;

/// <summary>
/// Suggestions for a dialogue with residents: the concerns still open (not yet answered, closed or dismissed) of the
/// unit's subtree, counted by category and place, the most reported first. Counts and places only, never who wrote.
/// </summary>
public sealed class ConcernTopicSource(AppDbContext db, Routing.CategoryCatalog catalog) : IDialogueTopicSource
{
    public string Kind => "concerns";

    public string LabelKey => "Dialogue.Suggestions.concerns";

    public async Task<IReadOnlyList<TopicSuggestion>> SuggestAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var groups = await db.Concerns.AsNoTracking()
            .Where(c => c.ReceivedAt >= sinceUtc && c.Status != ConcernStatus.Dismissed)
            .Where(c => c.CaseId == null || db.Cases.Any(k => k.Id == c.CaseId && k.AnsweredAt == null && k.Status != CaseStatus.Closed && k.Status != CaseStatus.Rejected))
            .Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)))
            .GroupBy(c => new { c.UnitId, c.Category })
            .Select(g => new { g.Key.UnitId, g.Key.Category, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.UnitId).Take(max)
            .ToListAsync(ct);
        var unitIds = groups.Select(g => g.UnitId).Distinct().ToList();
        var places = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var shown = new List<TopicSuggestion>();
        foreach (var g in groups)
        {
            var category = (await catalog.FindAsync(g.UnitId, g.Category, ct))?.NameVi ?? new Message("Dialogue.Suggest.NoCategory").Vietnamese;
            var place = places.GetValueOrDefault(g.UnitId, string.Empty);
            shown.Add(new TopicSuggestion(
                Kind,
                $"{g.UnitId}:{g.Category}",
                new Message("Dialogue.Suggest.ConcernLabel", category, place, g.Count).Vietnamese,
                new Message("Dialogue.Suggest.ConcernQuestion", category.ToLowerInvariant(), place).Vietnamese,
                g.Count));
        }

        return shown;
    }
}
