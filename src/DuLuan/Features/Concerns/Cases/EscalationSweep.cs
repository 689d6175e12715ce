using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Flags cases whose deadline passed without an answer and sends one digest per unit: to the
/// responsible agency (or the place when none is assigned) and to the parent of the place, whose
/// lead follows up. A fixed number of queries whatever the number of cases: one update, then one
/// grouped query per level.
/// </summary>
public sealed class EscalationSweep(AppDbContext db, TimeProvider clock, EscalationMail mail)
{
    public sealed record Result(int Flagged, int Notifications, int Mails = 0);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        // Each run stamps its own instant, so two instances never notify about the same cases.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var flagged = await db.Cases
            .Where(c => c.OverdueSince == null && c.DueAt < now)
            .Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Reopened)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OverdueSince, now), cancellationToken);
        if (flagged == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new Result(0, 0);
        }

        var justFlagged = db.Cases.Where(c => c.OverdueSince == now);
        var responsible = await justFlagged
            .GroupBy(c => c.AgencyId ?? c.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var parents = await justFlagged
            .Join(db.Units, c => c.UnitId, u => u.Id, (c, u) => u.ParentId)
            .Where(p => p != null)
            .GroupBy(p => p!.Value)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var notes = responsible.Select(r => Note(r.UnitId, r.Count, "Cases.Notify.OverdueAssigned", now))
            .Concat(parents.Select(p => Note(p.UnitId, p.Count, "Cases.Notify.OverdueBelow", now)))
            .ToList();
        db.Notifications.AddRange(notes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Mail after the commit: a slow or failing mail server never holds the sweep's locks.
        var mails = await mail.SendAsync(now, cancellationToken);
        return new Result(flagged, notes.Count, mails);
    }

    private static Notification Note(long unitId, int count, string key, DateTime now)
        => Notification.Of(unitId, new Message(key, count), now);
}
