using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>Status changes of a case: allowed steps, history rows, and the concurrency check that refuses stale edits.</summary>
public sealed class CaseWorkflow(AppDbContext db, TimeProvider clock)
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Next = new()
    {
        [CaseStatus.New] = [CaseStatus.Assigned, CaseStatus.Rejected],
        [CaseStatus.Assigned] = [CaseStatus.InProgress, CaseStatus.Answered, CaseStatus.Rejected],
        [CaseStatus.InProgress] = [CaseStatus.Answered, CaseStatus.Rejected],
        [CaseStatus.Answered] = [CaseStatus.Closed, CaseStatus.Reopened],
        [CaseStatus.Reopened] = [CaseStatus.InProgress, CaseStatus.Answered, CaseStatus.Rejected],
        [CaseStatus.Closed] = [CaseStatus.Reopened],
        [CaseStatus.Rejected] = [],
    };

    /// <summary>The public history line of a reopening by the resident.</summary>
    public static string ReopenNote => new Message("Cases.Note.Reopened").Vietnamese;

    public static IReadOnlyList<CaseStatus> NextSteps(CaseStatus from) => Next[from];

    public static bool CanMove(CaseStatus from, CaseStatus to) => Next[from].Contains(to);

    /// <summary>Whether the resident who filed a concern of the case may reopen it: it has been answered (or closed after an answer).</summary>
    public static bool ResidentCanReopen(CaseStatus status) => status is CaseStatus.Answered or CaseStatus.Closed;

    /// <summary>
    /// The resident (holding the follow-up code) finds the answer does not resolve the matter: the case reopens with a
    /// public history line and the responsible unit is told, in one save. False when it cannot be reopened or changed meanwhile.
    /// </summary>
    public async Task<bool> ReopenByResidentAsync(Case tracked, CancellationToken cancellationToken = default)
    {
        if (!ResidentCanReopen(tracked.Status))
        {
            return false;
        }

        db.Notifications.Add(Notification.Of(tracked.AgencyId ?? tracked.UnitId, new Message("Cases.Notify.Reopened", tracked.Id), clock.GetUtcNow().UtcDateTime));
        if (await MoveAsync(tracked, CaseStatus.Reopened, ReopenNote, tracked.Version, cancellationToken))
        {
            return true;
        }

        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>Moves a tracked case to <paramref name="to"/> if <paramref name="seenVersion"/> is still current; false on a stale edit.</summary>
    public async Task<bool> MoveAsync(Case item, CaseStatus to, string? note, int seenVersion, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(item).Property(c => c.Version).OriginalValue = seenVersion;
        item.Version = seenVersion + 1;
        item.Status = to;
        if (to == CaseStatus.Answered)
        {
            item.AnsweredAt = now;
        }

        if (to is CaseStatus.Closed or CaseStatus.Rejected)
        {
            item.ClosedAt = now;
        }

        if (to == CaseStatus.Reopened)
        {
            item.ClosedAt = null;
        }

        db.CaseEvents.Add(new CaseEvent { CaseId = item.Id, At = now, Status = to, Note = note });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
