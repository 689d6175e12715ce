using System.Globalization;
using DuLuan.Analysis.Text;
using DuLuan.Analysis.Trends;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

public sealed record AlertSweepResult(int TopicAlerts, int StoryAlerts);

/// <summary>
/// Looks for topics rising against their own baseline (<see cref="SpikeDetector"/>: same hours over the last two
/// weeks and the same weekday over four) and for stories spreading fast (at least 5 articles from 3 outlets in the
/// last 3 hours, twice their own rate of the day before), and records one alert per subject and window with the
/// reason in plain words.
/// </summary>
public sealed class AlertSweep(AppDbContext db, TimeProvider clock)
{
    public const int StoryMinimumArticles = 5;

    public const int StoryMinimumOutlets = 3;

    private static readonly SpikeOptions Spike = new();

    public async Task<AlertSweepResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var topicAlerts = 0;
        var storyAlerts = 0;
        var unitIds = await db.Feeds.Where(f => f.Active).Select(f => f.UnitId).Distinct().ToListAsync(ct);
        foreach (var unitId in unitIds)
        {
            topicAlerts += await TopicsAsync(unitId, now, hour, ct);
            storyAlerts += await StoriesAsync(unitId, now, hour, ct);
        }
        return new AlertSweepResult(topicAlerts, storyAlerts);
    }

    private async Task<int> TopicsAsync(long unitId, DateTime now, DateTime hour, CancellationToken ct)
    {
        var topics = await db.WatchTopics.AsNoTracking().Where(t => t.UnitId == unitId && t.Active).ToListAsync(ct);
        if (topics.Count == 0)
        {
            return 0;
        }

        var from = hour.AddHours(-(Spike.BaselineWeeks * 24 * 7 + Spike.WindowHours));
        var windowStart = hour.AddHours(-(Spike.WindowHours - 1));
        var raised = 0;
        foreach (var topic in topics)
        {
            var hits = await db.TopicHits.AsNoTracking().Where(h => h.TopicId == topic.Id && h.At >= from && h.At <= now).Select(h => h.At).ToListAsync(ct);
            if (hits.Count == 0)
            {
                continue;
            }

            var counts = hits.GroupBy(at => new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc)).Select(g => (g.Key, g.Count()));
            var result = SpikeDetector.Detect(counts, hour, Spike);
            if (!result.IsSpike)
            {
                continue;
            }

            var recent = windowStart.AddHours(-Spike.WindowHours);
            if (await db.Alerts.AnyAsync(a => a.UnitId == unitId && a.Kind == AlertKind.Topic && a.SubjectId == topic.Id && a.WindowStart > recent, ct))
            {
                continue;
            }

            // The newest hits when there are more than the cap: the same texts on every run and both engines.
            var inWindow = await db.TopicHits.Where(h => h.TopicId == topic.Id && h.At >= windowStart)
                .Join(db.Articles, h => h.ArticleId, a => a.Id, (h, a) => new { h.At, h.ArticleId, a.Outlet, a.Title, a.Text })
                .OrderByDescending(x => x.At).ThenByDescending(x => x.ArticleId)
                .Take(2000).ToListAsync(ct);
            var background = await db.TopicHits.Where(h => h.TopicId == topic.Id && h.At < windowStart && h.At >= from)
                .Join(db.Articles, h => h.ArticleId, a => a.Id, (h, a) => new { h.At, h.ArticleId, a.Title })
                .OrderByDescending(x => x.At).ThenByDescending(x => x.ArticleId)
                .Take(2000).Select(x => x.Title).ToListAsync(ct);
            var texts = inWindow.Select(a => a.Title + ". " + a.Text).ToList();
            // The dashboard's phrase finder: words and names as written, never a lone filler syllable ("lên", "qua").
            var phrases = RisingPhraseFinder.Find(texts, background, top: 3, minCount: 2).Select(p => p.Phrase).ToList();
            var outlets = inWindow.Select(a => a.Outlet).Distinct(StringComparer.Ordinal).Count();
            db.Alerts.Add(new Alert
            {
                UnitId = unitId,
                Kind = AlertKind.Topic,
                SubjectId = topic.Id,
                WindowStart = windowStart,
                CreatedAt = now,
                ReasonVi = ReasonVi(topic.Name, result, outlets, phrases),
                ReasonEn = ReasonEn(topic.Name, result, outlets, phrases),
            });
            await db.SaveChangesAsync(ct);
            raised++;
        }
        return raised;
    }

    private async Task<int> StoriesAsync(long unitId, DateTime now, DateTime hour, CancellationToken ct)
    {
        var windowStart = now.AddHours(-Spike.WindowHours);
        var dayBefore = windowStart.AddHours(-21);
        var candidates = await db.Articles.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.PublishedAt >= windowStart && a.PublishedAt <= now)
            .GroupBy(a => a.StoryId)
            .Select(g => new { StoryId = g.Key, Articles = g.Count(), Outlets = g.Select(a => a.Outlet).Distinct().Count() })
            .Where(g => g.Articles >= StoryMinimumArticles && g.Outlets >= StoryMinimumOutlets)
            .ToListAsync(ct);
        var raised = 0;
        var day = hour.Date;
        foreach (var candidate in candidates)
        {
            var before = await db.Articles.CountAsync(a => a.StoryId == candidate.StoryId && a.PublishedAt >= dayBefore && a.PublishedAt < windowStart, ct);
            // Its own rate over the 21 hours before, per 3 hours; the window must at least double it.
            if (candidate.Articles < 2.0 * before / 7.0)
            {
                continue;
            }

            if (await db.Alerts.AnyAsync(a => a.UnitId == unitId && a.Kind == AlertKind.Story && a.SubjectId == candidate.StoryId && a.WindowStart == day, ct))
            {
                continue;
            }

            var title = await db.Stories.Where(s => s.Id == candidate.StoryId).Select(s => s.Title).SingleAsync(ct);
            db.Alerts.Add(new Alert
            {
                UnitId = unitId,
                Kind = AlertKind.Story,
                SubjectId = candidate.StoryId,
                WindowStart = day,
                CreatedAt = now,
                ReasonVi = new Message("Monitoring.Alert.Story", title, candidate.Articles, Spike.WindowHours, candidate.Outlets, before).Vietnamese,
                ReasonEn = new Message("Monitoring.Alert.Story", title, candidate.Articles, Spike.WindowHours, candidate.Outlets, before).English,
            });
            await db.SaveChangesAsync(ct);
            raised++;
        }
        return raised;
    }

    private static string P(double p) => p < 0.0001 ? "< 0.0001" : string.Create(CultureInfo.InvariantCulture, $"= {p:0.####}");

    private static string PVi(double p) => p < 0.0001 ? "< 0,0001" : "= " + VietnameseFormat.Number(p, 4);

    private static string ReasonVi(string topic, SpikeResult r, int outlets, List<string> phrases) =>
        new Message("Monitoring.Alert.Topic", topic, r.Observed, Spike.WindowHours, outlets, r.TypicalDailyLow, r.TypicalDailyHigh, VietnameseFormat.Number(r.Expected), PVi(r.PValue)).Vietnamese
            + (phrases.Count > 0 ? new Message("Monitoring.Alert.Phrases", string.Join(", ", phrases)).Vietnamese : "") + ".";

    private static string ReasonEn(string topic, SpikeResult r, int outlets, List<string> phrases) =>
        new Message("Monitoring.Alert.Topic", topic, r.Observed, Spike.WindowHours, outlets, r.TypicalDailyLow, r.TypicalDailyHigh, r.Expected.ToString("0.#", CultureInfo.InvariantCulture), P(r.PValue)).English
            + (phrases.Count > 0 ? new Message("Monitoring.Alert.Phrases", string.Join(", ", phrases)).English : "") + ".";
}
