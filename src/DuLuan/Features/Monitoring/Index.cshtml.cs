using System.Text.Json;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Monitoring.Ingest;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>The morning view: alerts, rising stories, topic trends, feed health and this week's new phrases.</summary>
public sealed class IndexModel(AppDbContext db, MonitoringQueries queries, FetchBackoff backoff, TimeProvider clock, OfficeTime office) : PageModel
{
    public sealed record RisingStory(long Id, string Title, int Articles, int Outlets, DateTime FirstSeenAt);

    public List<Alert> Alerts { get; private set; } = [];

    public List<RisingStory> Rising { get; private set; } = [];

    public List<(string Phrase, int Count)> NewPhrases { get; private set; } = [];

    public int FeedCount { get; private set; }

    public List<Feed> Failing { get; private set; } = [];

    /// <summary>{"days":[...],"series":[{"name":..,"counts":[..]}]} for the trend chart; the table below it carries the same numbers.</summary>
    public string TrendJson { get; private set; } = "{}";

    public List<string> Days { get; private set; } = [];

    public List<(string Name, int[] Counts)> Trends { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await queries.VisibleUnitIdsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Alerts = await db.Alerts.AsNoTracking().Where(a => units.Contains(a.UnitId)).OrderByDescending(a => a.CreatedAt).Take(20).ToListAsync(ct);

        var dayAgo = now.AddDays(-1);
        var rising = await db.Articles.AsNoTracking().Where(a => units.Contains(a.UnitId) && a.PublishedAt >= dayAgo)
            .GroupBy(a => a.StoryId)
            .Select(g => new { StoryId = g.Key, Articles = g.Count(), Outlets = g.Select(a => a.Outlet).Distinct().Count() })
            .Where(g => g.Articles >= 2)
            .OrderByDescending(g => g.Outlets).ThenByDescending(g => g.Articles)
            .Take(10).ToListAsync(ct);
        var storyIds = rising.Select(r => r.StoryId).ToList();
        var stories = await db.Stories.AsNoTracking().Where(s => storyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Rising = rising.Select(r => new RisingStory(r.StoryId, stories[r.StoryId].Title, r.Articles, r.Outlets, stories[r.StoryId].FirstSeenAt)).ToList();

        var feeds = await db.Feeds.AsNoTracking().Where(f => units.Contains(f.UnitId) && f.Active).ToListAsync(ct);
        FeedCount = feeds.Count;
        Failing = feeds.Where(f => backoff.IsFailingForADay(now, f.LastSuccessAt, f.CreatedAt, f.ConsecutiveFailures)).ToList();

        await LoadTrendsAsync(units, now, ct);

        var weekAgo = now.AddDays(-7);
        var monthAgo = now.AddDays(-37);
        var week = await db.Articles.AsNoTracking().Where(a => units.Contains(a.UnitId) && a.PublishedAt >= weekAgo).OrderByDescending(a => a.Id).Select(a => a.Title).Take(3000).ToListAsync(ct);
        var month = await db.Articles.AsNoTracking().Where(a => units.Contains(a.UnitId) && a.PublishedAt >= monthAgo && a.PublishedAt < weekAgo).OrderByDescending(a => a.Id).Select(a => a.Title).Take(6000).ToListAsync(ct);
        // Oldest first, so each phrase is shown as it was first written.
        week.Reverse();
        NewPhrases = week.Count == 0 ? [] : RisingPhraseFinder.Find(week, month, top: 12, minCount: 3).Select(p => (p.Phrase, p.WindowCount)).ToList();
    }

    private async Task LoadTrendsAsync(List<long> units, DateTime now, CancellationToken ct)
    {
        var today = office.LocalDay(now);
        var first = today.AddDays(-29);
        var since = office.StartUtc(first);
        var topics = await db.WatchTopics.AsNoTracking().Where(t => units.Contains(t.UnitId) && t.Active).ToListAsync(ct);
        var topicIds = topics.Select(t => t.Id).ToList();
        var hits = await db.TopicHits.AsNoTracking().Where(h => topicIds.Contains(h.TopicId) && h.At >= since).Select(h => new { h.TopicId, h.At }).ToListAsync(ct);
        Days = Enumerable.Range(0, 30).Select(i => first.AddDays(i).ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Trends = topics.Select(t =>
            {
                var counts = new int[30];
                foreach (var h in hits.Where(h => h.TopicId == t.Id))
                {
                    var index = office.LocalDay(h.At).DayNumber - first.DayNumber;
                    if (index is >= 0 and < 30)
                    {
                        counts[index]++;
                    }
                }
                return (t.Name, counts);
            })
            .OrderByDescending(t => t.counts.Sum()).Take(8).ToList();
        TrendJson = JsonSerializer.Serialize(new { days = Days, series = Trends.Select(t => new { name = t.Name, counts = t.Counts }) });
    }
}
