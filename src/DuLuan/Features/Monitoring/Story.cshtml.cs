using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// A story: first seen, its outlets, a timeline by hour, and every version. Staff who manage the unit's monitoring see,
/// beside each version no watch topic matched, the topic the classifier suggests, and tag the article with it themselves.
/// </summary>
public sealed class StoryModel(AppDbContext db, MonitoringQueries queries, TopicSuggester suggester, AuditLog audit) : PageModel
{
    public const string AuditAction = "monitoring.topic-tagged";

    public Story Story { get; private set; } = null!;

    public List<Article> Articles { get; private set; } = [];

    public List<(string Outlet, int Count)> Outlets { get; private set; } = [];

    public List<(DateTime Hour, int Count)> Timeline { get; private set; } = [];

    /// <summary>Suggested topics by article id; only for members who manage the story's unit.</summary>
    public Dictionary<long, TopicSuggestion> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (story is null || !await queries.CanViewAsync(story.UnitId, ct))
        {
            return NotFound();
        }

        Story = story;
        Articles = await db.Articles.AsNoTracking().Where(a => a.StoryId == id).OrderBy(a => a.PublishedAt).Take(500).ToListAsync(ct);
        Outlets = Articles.GroupBy(a => a.Outlet).Select(g => (g.Key, g.Count())).OrderByDescending(o => o.Item2).ToList();
        Timeline = Articles.GroupBy(a => new DateTime(a.PublishedAt.Year, a.PublishedAt.Month, a.PublishedAt.Day, a.PublishedAt.Hour, 0, 0, DateTimeKind.Utc))
            .Select(g => (g.Key, g.Count())).OrderBy(t => t.Item1).ToList();
        if (await queries.CanManageAsync(story.UnitId, ct))
        {
            Suggestions = await suggester.SuggestAsync(story.UnitId, Articles, ct);
        }
        return Page();
    }

    /// <summary>Staff tag one version of the story with one of the unit's active topics (the suggested one or not): a topic hit, audited.</summary>
    public async Task<IActionResult> OnPostTagAsync(long id, long articleId, long topicId, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (story is null || !await queries.CanManageAsync(story.UnitId, ct))
        {
            return NotFound();
        }

        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId && a.StoryId == id, ct);
        var topic = await db.WatchTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == topicId && t.UnitId == story.UnitId && t.Active, ct);
        if (article is null || topic is null)
        {
            return BadRequest();
        }

        if (!await db.TopicHits.AnyAsync(h => h.TopicId == topicId && h.ArticleId == articleId, ct))
        {
            db.TopicHits.Add(new TopicHit { TopicId = topicId, ArticleId = articleId, At = article.PublishedAt });
            audit.Add(AuditAction, story.UnitId, "article:" + articleId.ToString(CultureInfo.InvariantCulture), topic.Name);
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(new { id });
    }
}
