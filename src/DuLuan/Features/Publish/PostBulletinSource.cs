using DuLuan.Data;
using DuLuan.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>Posts already on the portal of the unit or a unit under it, for a loudspeaker bulletin.</summary>
public sealed class PostBulletinSource(AppDbContext db, TimeProvider clock) : IBulletinSource
{
    public string Kind => "post";

    public string LabelKey => "Bulletins.Source.post";

    public async Task<IReadOnlyList<BulletinSourceItem>> RecentAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => p.PublishedAt != null && p.PublishedAt <= now && p.PublishedAt >= sinceUtc)
            .Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(prefix)))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(max)
            .Select(p => new { p.Id, p.Title, p.BodyText, p.PublishedAt, Code = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Code).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Where(r => r.Code is not null)
            .Select(r => new BulletinSourceItem(Kind, r.Id, r.Title, r.BodyText, $"/cong/{Uri.EscapeDataString(r.Code!)}/tin/{r.Id}", r.PublishedAt!.Value))
            .ToList();
    }
}
