using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The ids of one page of a place's answered cases, newest answer first, without sorting every answered case of the
/// place (360,000 in a busy province): each unit of the place is asked on its own along its (UnitId, AnsweredAt) index,
/// which hands its rows over in order, and the lists are merged here. Deep pages (beyond <see cref="MaxRows"/> rows)
/// keep the single sorted query.
/// </summary>
public static class AnsweredPage
{
    public const int MaxRows = 1_000;

    private sealed record Key(long Id, DateTime? AnsweredAt);

    /// <summary>
    /// Answered and closed cases with their answer. "AnsweredAt is not null" holds for every such case and lets
    /// PostgreSQL start each unit's walk of (UnitId, AnsweredAt) at the newest answer: its descending order puts NULL
    /// first, so without it the walk read every open case of the unit before the first answered one.
    /// </summary>
    public static IQueryable<Case> Answered(IQueryable<Case> cases)
        => cases.Where(c => (c.Status == CaseStatus.Answered || c.Status == CaseStatus.Closed) && c.Answer != null && c.AnsweredAt != null);

    /// <summary>Ids of rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the place under <paramref name="prefix"/>.</summary>
    public static async Task<List<long>> IdsAsync(AppDbContext db, string prefix, int skip, int take, CancellationToken ct)
    {
        var wanted = skip + take;
        if (wanted > MaxRows)
        {
            return await Answered(db.Cases.AsNoTracking().Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(prefix))))
                .OrderByDescending(c => c.AnsweredAt).ThenByDescending(c => c.Id)
                .Skip(skip).Take(take).Select(c => c.Id).ToListAsync(ct);
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(prefix)).Select(u => u.Id).ToListAsync(ct);
        var found = new List<Key>();
        foreach (var unitId in units)
        {
            found.AddRange(await Answered(db.Cases.AsNoTracking().Where(c => c.UnitId == unitId))
                .OrderByDescending(c => c.AnsweredAt).ThenByDescending(c => c.Id).Take(wanted)
                .Select(c => new Key(c.Id, c.AnsweredAt)).ToListAsync(ct));
        }

        // The same order as the sorted query on each engine: SQLite and PostgreSQL put NULL at opposite ends, and an
        // answered case always has its answer time, so only the time and the id decide.
        return found.OrderByDescending(k => k.AnsweredAt).ThenByDescending(k => k.Id).Skip(skip).Take(take).Select(k => k.Id).ToList();
    }
}
