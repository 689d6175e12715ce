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

/// <summary>
/// Sums of reach and interactions over a unit's subtree and a period, grouped by channel, unit, month or topic. Whole
/// months are read from the monthly table (<see cref="PostMetricMonth"/>); only the partial months at either end of
/// the period are summed from the daily rows.
/// </summary>
public static class MetricsRollup
{
    public sealed record Line(string Key, long Views, long Reach, long Reactions, long Comments, long Shares, long LinkClicks)
    {
        public long Interactions => Reactions + Comments + Shares;
    }

    /// <summary>What both tables project to: one shape, grouped the same way.</summary>
    private sealed class Slice
    {
        public long UnitId { get; init; }

        public string Channel { get; init; } = string.Empty;

        public string Topic { get; init; } = string.Empty;

        public int Year { get; init; }

        public int Month { get; init; }

        public long Views { get; init; }

        public long Reach { get; init; }

        public long Reactions { get; init; }

        public long Comments { get; init; }

        public long Shares { get; init; }

        public long LinkClicks { get; init; }
    }

    private sealed record Sum<TKey>(TKey Key, long Views, long Reach, long Reactions, long Comments, long Shares, long LinkClicks);

    public static async Task<List<Line>> RunAsync(AppDbContext db, string subtreePath, DateOnly from, DateOnly to, RollupBy by, CancellationToken ct)
    {
        var units = db.Units.Where(u => u.Path.StartsWith(subtreePath)).Select(u => u.Id);
        var firstWhole = from.Day == 1 ? from : MetricsMonthly.MonthOf(from).AddMonths(1);
        var afterLastWhole = MetricsMonthly.MonthOf(to.AddDays(1));
        var parts = new List<Line>();
        if (firstWhole < afterLastWhole)
        {
            var monthly = db.PostMetricMonths.AsNoTracking()
                .Where(m => m.Month >= firstWhole && m.Month < afterLastWhole && units.Contains(m.UnitId))
                .Select(m => new Slice { UnitId = m.UnitId, Channel = m.Channel, Topic = m.Topic, Year = m.Month.Year, Month = m.Month.Month, Views = m.Views, Reach = m.Reach, Reactions = m.Reactions, Comments = m.Comments, Shares = m.Shares, LinkClicks = m.LinkClicks });
            parts.AddRange(await GroupAsync(monthly, by, ct));
            await AddDailyAsync(from, firstWhole.AddDays(-1));
            await AddDailyAsync(afterLastWhole, to);
        }
        else
        {
            await AddDailyAsync(from, to);
        }

        var lines = parts.GroupBy(l => l.Key, StringComparer.Ordinal)
            .Select(g => new Line(g.Key, g.Sum(l => l.Views), g.Sum(l => l.Reach), g.Sum(l => l.Reactions), g.Sum(l => l.Comments), g.Sum(l => l.Shares), g.Sum(l => l.LinkClicks)))
            .ToList();
        switch (by)
        {
            case RollupBy.Channel:
                return lines.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
            case RollupBy.Month:
                // Keys are yyyy-MM, so ordinal order is time order; shown as MM/yyyy.
                return lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l with { Key = $"{l.Key[5..]}/{l.Key[..4]}" }).ToList();
            case RollupBy.Unit:
                var ids = lines.Select(l => long.Parse(l.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
                return lines.Select(l => l with { Key = names[long.Parse(l.Key, System.Globalization.CultureInfo.InvariantCulture)] }).OrderByDescending(l => l.Reach).ToList();
            default:
                // Topics live in the post's comma-separated tags: summed per distinct tag string in SQL, split here.
                return lines
                    .SelectMany(t => (t.Key.Length == 0 ? ["—"] : t.Key.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(tag => (tag, t)))
                    .GroupBy(x => x.tag, StringComparer.Ordinal)
                    .Select(g => new Line(g.Key, g.Sum(x => x.t.Views), g.Sum(x => x.t.Reach), g.Sum(x => x.t.Reactions), g.Sum(x => x.t.Comments), g.Sum(x => x.t.Shares), g.Sum(x => x.t.LinkClicks)))
                    .OrderByDescending(l => l.Reach).ToList();
        }

        async Task AddDailyAsync(DateOnly start, DateOnly end)
        {
            if (start > end)
            {
                return;
            }

            var daily = db.PostMetrics.AsNoTracking()
                .Where(m => m.Day >= start && m.Day <= end && units.Contains(m.UnitId))
                .Join(db.Posts, m => m.PostId, p => p.Id, (m, p) => new Slice { UnitId = m.UnitId, Channel = m.Channel, Topic = p.Tags, Year = m.Day.Year, Month = m.Day.Month, Views = m.Views, Reach = m.Reach, Reactions = m.Reactions, Comments = m.Comments, Shares = m.Shares, LinkClicks = m.LinkClicks });
            parts.AddRange(await GroupAsync(daily, by, ct));
        }
    }

    private static async Task<IEnumerable<Line>> GroupAsync(IQueryable<Slice> rows, RollupBy by, CancellationToken ct)
    {
        switch (by)
        {
            case RollupBy.Channel:
                return Lines(await Sums(rows.GroupBy(r => r.Channel)).ToListAsync(ct), k => k);
            case RollupBy.Unit:
                return Lines(await Sums(rows.GroupBy(r => r.UnitId)).ToListAsync(ct), k => k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case RollupBy.Month:
                var months = await rows.GroupBy(r => new { r.Year, r.Month })
                    .Select(g => new { g.Key.Year, g.Key.Month, Views = g.Sum(r => r.Views), Reach = g.Sum(r => r.Reach), Reactions = g.Sum(r => r.Reactions), Comments = g.Sum(r => r.Comments), Shares = g.Sum(r => r.Shares), LinkClicks = g.Sum(r => r.LinkClicks) })
                    .ToListAsync(ct);
                return months.Select(m => new Line($"{m.Year:0000}-{m.Month:00}", m.Views, m.Reach, m.Reactions, m.Comments, m.Shares, m.LinkClicks));
            default:
                return Lines(await Sums(rows.GroupBy(r => r.Topic)).ToListAsync(ct), k => k);
        }
    }

    private static IQueryable<Sum<TKey>> Sums<TKey>(IQueryable<IGrouping<TKey, Slice>> groups)
        => groups.Select(g => new Sum<TKey>(g.Key, g.Sum(r => r.Views), g.Sum(r => r.Reach), g.Sum(r => r.Reactions), g.Sum(r => r.Comments), g.Sum(r => r.Shares), g.Sum(r => r.LinkClicks)));

    private static IEnumerable<Line> Lines<TKey>(List<Sum<TKey>> sums, Func<TKey, string> key)
        => sums.Select(s => new Line(key(s.Key), s.Views, s.Reach, s.Reactions, s.Comments, s.Shares, s.LinkClicks));
}
