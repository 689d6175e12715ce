using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish.Metrics;

public enum RollupBy
{
    Channel,
    Unit,
    Month,
    Topic,
}

/// <summary>Sums of reach and interactions over a unit's subtree and a period, grouped by channel, unit, month or topic.</summary>
public static class MetricsRollup
{
    public sealed record Line(string Key, long Views, long Reach, long Reactions, long Comments, long Shares, long LinkClicks)
    {
        public long Interactions => Reactions + Comments + Shares;
    }

    public static async Task<List<Line>> RunAsync(AppDbContext db, string subtreePath, DateOnly from, DateOnly to, RollupBy by, CancellationToken ct)
    {
        var metrics = db.PostMetrics.AsNoTracking()
            .Where(m => m.Day >= from && m.Day <= to)
            .Join(db.Units.Where(u => u.Path.StartsWith(subtreePath)), m => m.UnitId, u => u.Id, (m, u) => m);
        switch (by)
        {
            case RollupBy.Channel:
                var channels = await metrics.GroupBy(m => m.Channel)
                    .Select(g => new { g.Key, Views = g.Sum(m => m.Views), Reach = g.Sum(m => m.Reach), Reactions = g.Sum(m => m.Reactions), Comments = g.Sum(m => m.Comments), Shares = g.Sum(m => m.Shares), Clicks = g.Sum(m => m.LinkClicks) })
                    .ToListAsync(ct);
                return channels.Select(c => new Line(c.Key, c.Views, c.Reach, c.Reactions, c.Comments, c.Shares, c.Clicks)).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
            case RollupBy.Month:
                var months = await metrics.GroupBy(m => new { m.Day.Year, m.Day.Month })
                    .Select(g => new { g.Key.Year, g.Key.Month, Views = g.Sum(m => m.Views), Reach = g.Sum(m => m.Reach), Reactions = g.Sum(m => m.Reactions), Comments = g.Sum(m => m.Comments), Shares = g.Sum(m => m.Shares), Clicks = g.Sum(m => m.LinkClicks) })
                    .ToListAsync(ct);
                return months.OrderBy(m => m.Year).ThenBy(m => m.Month)
                    .Select(m => new Line($"{m.Month:00}/{m.Year}", m.Views, m.Reach, m.Reactions, m.Comments, m.Shares, m.Clicks)).ToList();
            case RollupBy.Unit:
                var units = await metrics.GroupBy(m => m.UnitId)
                    .Select(g => new { UnitId = g.Key, Views = g.Sum(m => m.Views), Reach = g.Sum(m => m.Reach), Reactions = g.Sum(m => m.Reactions), Comments = g.Sum(m => m.Comments), Shares = g.Sum(m => m.Shares), Clicks = g.Sum(m => m.LinkClicks) })
                    .ToListAsync(ct);
                var ids = units.Select(u => u.UnitId).ToList();
                var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
                return units.Select(u => new Line(names[u.UnitId], u.Views, u.Reach, u.Reactions, u.Comments, u.Shares, u.Clicks)).OrderByDescending(l => l.Reach).ToList();
            default:
                // Topics live in the post's comma-separated tags: sum per distinct tag string in SQL, split here.
                var tagged = await metrics.Join(db.Posts, m => m.PostId, p => p.Id, (m, p) => new { p.Tags, m })
                    .GroupBy(x => x.Tags)
                    .Select(g => new { Tags = g.Key, Views = g.Sum(x => x.m.Views), Reach = g.Sum(x => x.m.Reach), Reactions = g.Sum(x => x.m.Reactions), Comments = g.Sum(x => x.m.Comments), Shares = g.Sum(x => x.m.Shares), Clicks = g.Sum(x => x.m.LinkClicks) })
                    .ToListAsync(ct);
                return tagged
                    .SelectMany(t => (t.Tags.Length == 0 ? ["—"] : t.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(tag => (tag, t)))
                    .GroupBy(x => x.tag, StringComparer.Ordinal)
                    .Select(g => new Line(g.Key, g.Sum(x => x.t.Views), g.Sum(x => x.t.Reach), g.Sum(x => x.t.Reactions), g.Sum(x => x.t.Comments), g.Sum(x => x.t.Shares), g.Sum(x => x.t.Clicks)))
                    .OrderByDescending(l => l.Reach).ToList();
        }
    }
}
