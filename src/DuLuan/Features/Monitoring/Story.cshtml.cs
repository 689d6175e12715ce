using DuLuan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>A story: first seen, its outlets, a timeline by hour, and every version.</summary>
public sealed class StoryModel(AppDbContext db, MonitoringQueries queries) : PageModel
{
    public Story Story { get; private set; } = null!;

    public List<Article> Articles { get; private set; } = [];

    public List<(string Outlet, int Count)> Outlets { get; private set; } = [];

    public List<(DateTime Hour, int Count)> Timeline { get; private set; } = [];

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
        return Page();
    }
}
