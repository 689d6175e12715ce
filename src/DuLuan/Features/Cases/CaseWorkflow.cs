using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Cases;

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

    public static IReadOnlyList<CaseStatus> NextSteps(CaseStatus from) => Next[from];

    public static bool CanMove(CaseStatus from, CaseStatus to) => Next[from].Contains(to);

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
