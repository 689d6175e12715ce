using DuLuan.Data;
using DuLuan.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>Published rebuttals of the unit or a unit under it (what is said and the office's answer, never who said it), for a loudspeaker bulletin.</summary>
public sealed class RebuttalBulletinSource(AppDbContext db) : IBulletinSource
{
    public string Kind => "rebuttal";

    public string LabelKey => "Bulletins.Source.rebuttal";

    public async Task<IReadOnlyList<BulletinSourceItem>> RecentAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.PublishedAt != null && c.PublishedAt >= sinceUtc)
            .Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(max)
            .Select(c => new { c.Id, c.Text, c.Answer, c.Reasoning, c.PublishedAt, Code = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Where(r => r.Code is not null)
            .Select(r => new BulletinSourceItem(Kind, r.Id, r.Text, r.Answer ?? r.Reasoning ?? string.Empty, $"/cong/{Uri.EscapeDataString(r.Code!)}/kiem-chung/{r.Id}", r.PublishedAt!.Value))
            .ToList();
    }
}
