using DuLuan.Data;
using DuLuan.Infrastructure.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Cases of the unit or a unit under it with a public answer (the ones /cong/{code}/vu-viec lists), for a loudspeaker bulletin.</summary>
public sealed class AnsweredCaseBulletinSource(AppDbContext db) : IBulletinSource
{
    public string Kind => "case";

    public string LabelKey => "Bulletins.Source.case";

    public async Task<IReadOnlyList<BulletinSourceItem>> RecentAsync(long unitId, DateTime sinceUtc, int max, CancellationToken ct)
    {
        var prefix = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Answered || c.Status == CaseStatus.Closed) && c.Answer != null && c.AnsweredAt >= sinceUtc)
            .Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix)))
            .OrderByDescending(c => c.AnsweredAt).ThenByDescending(c => c.Id).Take(max)
            .Select(c => new { c.Id, c.PublicRef, c.Title, c.Answer, c.AnsweredAt })
            .ToListAsync(ct);
        return rows.Select(r => new BulletinSourceItem(Kind, r.Id, r.Title, r.Answer!, "/vu-viec/" + Uri.EscapeDataString(r.PublicRef), r.AnsweredAt!.Value)).ToList();
    }
}
