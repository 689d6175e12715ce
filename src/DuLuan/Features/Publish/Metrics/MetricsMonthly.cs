using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>Keeps <see cref="PostMetricMonth"/> equal to the sums of the daily rows, one (unit, channel, month) at a time.</summary>
public static class MetricsMonthly
{
    /// <summary>Key of the PostgreSQL transaction lock that serialises metric writes (two imports of the same month would collide).</summary>
    private const long LockKey = 7_207_011;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>On PostgreSQL, waits for any other metrics write to commit; SQLite already has a single writer.</summary>
    public static async Task LockAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }
    }

    /// <summary>
    /// Recomputes the monthly rows of every unit × channel × month given from the saved daily rows (the caller's
    /// transaction and SaveChanges), so it can be repeated any number of times with the same result.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db, IReadOnlyList<long> unitIds, IReadOnlyList<string> channels, IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        if (unitIds.Count == 0 || channels.Count == 0 || months.Count == 0)
        {
            return;
        }

        await db.PostMetricMonths.Where(m => unitIds.Contains(m.UnitId) && channels.Contains(m.Channel) && months.Contains(m.Month)).ExecuteDeleteAsync(ct);
        var from = months.Min();
        var to = months.Max().AddMonths(1).AddDays(-1);
        var sums = await db.PostMetrics.AsNoTracking()
            .Where(m => unitIds.Contains(m.UnitId) && channels.Contains(m.Channel) && m.Day >= from && m.Day <= to)
            .Join(db.Posts, m => m.PostId, p => p.Id, (m, p) => new { m, p.Tags })
            .GroupBy(x => new { x.m.UnitId, x.m.Channel, x.Tags, x.m.Day.Year, x.m.Day.Month })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.Channel,
                g.Key.Tags,
                g.Key.Year,
                g.Key.Month,
                Views = g.Sum(x => x.m.Views),
                Reach = g.Sum(x => x.m.Reach),
                Reactions = g.Sum(x => x.m.Reactions),
                Comments = g.Sum(x => x.m.Comments),
                Shares = g.Sum(x => x.m.Shares),
                LinkClicks = g.Sum(x => x.m.LinkClicks),
            })
            .ToListAsync(ct);
        var wanted = months.ToHashSet();
        foreach (var s in sums)
        {
            var month = new DateOnly(s.Year, s.Month, 1);
            if (wanted.Contains(month))
            {
                db.PostMetricMonths.Add(new PostMetricMonth
                {
                    UnitId = s.UnitId,
                    Channel = s.Channel,
                    Topic = s.Tags,
                    Month = month,
                    Views = s.Views,
                    Reach = s.Reach,
                    Reactions = s.Reactions,
                    Comments = s.Comments,
                    Shares = s.Shares,
                    LinkClicks = s.LinkClicks,
                });
            }
        }
    }

    /// <summary>Rebuilds the whole table from the daily rows: what the migration's backfill does, for tools and benchmarks.</summary>
    public static async Task RebuildAllAsync(AppDbContext db, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? """
              DELETE FROM post_metric_months;
              INSERT INTO post_metric_months ("UnitId", "Channel", "Topic", "Month", "Views", "Reach", "Reactions", "Comments", "Shares", "LinkClicks")
              SELECT m."UnitId", m."Channel", p."Tags", CAST(date_trunc('month', m."Day") AS date), SUM(m."Views"), SUM(m."Reach"), SUM(m."Reactions"), SUM(m."Comments"), SUM(m."Shares"), SUM(m."LinkClicks")
              FROM post_metrics m JOIN posts p ON p."Id" = m."PostId"
              GROUP BY m."UnitId", m."Channel", p."Tags", CAST(date_trunc('month', m."Day") AS date);
              """
            : """
              DELETE FROM post_metric_months;
              INSERT INTO post_metric_months (UnitId, Channel, Topic, Month, Views, Reach, Reactions, Comments, Shares, LinkClicks)
              SELECT m.UnitId, m.Channel, p.Tags, substr(m.Day, 1, 7) || '-01', SUM(m.Views), SUM(m.Reach), SUM(m.Reactions), SUM(m.Comments), SUM(m.Shares), SUM(m.LinkClicks)
              FROM post_metrics m JOIN posts p ON p.Id = m.PostId
              GROUP BY m.UnitId, m.Channel, p.Tags, substr(m.Day, 1, 7);
              """;
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }
}
