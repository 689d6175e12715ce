using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

public sealed record TopicPreviewResult(int Scanned, int Matched, IReadOnlyList<TopicPreviewItem> Examples, IReadOnlyList<TopicPreviewDay> PerDay);

public sealed record TopicPreviewItem(long Id, string Title, string Outlet, DateTime PublishedAt);

public sealed record TopicPreviewDay(DateOnly Day, int Count);

/// <summary>What a rule would have matched among a unit's articles of the last 30 days, before it is saved.</summary>
public sealed class TopicPreview(AppDbContext db, TimeProvider clock, OfficeTime office)
{
    public const int Days = 30;

    public const int ScanLimit = 20000;

    /// <exception cref="TextSyntaxException">The rule does not parse.</exception>
    public async Task<TopicPreviewResult> RunAsync(long unitId, string rule, CancellationToken ct)
    {
        var set = WatchTopicSet.Compile([KeyValuePair.Create("preview", rule)]);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Days);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt)
            .Take(ScanLimit)
            .Select(a => new { a.Id, a.Title, a.Text, a.Outlet, a.PublishedAt })
            .ToListAsync(ct);
        var matched = articles.Where(a => set.Match(a.Title + "\n" + a.Text).Count > 0).ToList();
        var perDay = matched.GroupBy(a => office.LocalDay(a.PublishedAt)).OrderBy(g => g.Key).Select(g => new TopicPreviewDay(g.Key, g.Count())).ToList();
        return new TopicPreviewResult(articles.Count, matched.Count,
            matched.Take(20).Select(a => new TopicPreviewItem(a.Id, a.Title, a.Outlet, a.PublishedAt)).ToList(), perDay);
    }
}
