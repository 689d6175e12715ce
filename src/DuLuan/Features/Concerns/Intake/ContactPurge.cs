using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>Erases residents' contacts on schedule: some days after their case closes, or after a longer time when no case took them.</summary>
public sealed class ContactPurge(AppDbContext db, IOptions<ConcernOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddDays(-options.Value.ContactRetentionDays);
        var unlinkedBefore = now.AddDays(-options.Value.UnlinkedContactRetentionDays);
        var finished = db.Cases
            .Where(c => (c.Status == CaseStatus.Closed || c.Status == CaseStatus.Rejected) && c.ClosedAt <= closedBefore)
            .Select(c => c.Id);
        return await db.Concerns
            .Where(c => c.ContactProtected != null)
            .Where(c => (c.CaseId != null && finished.Contains(c.CaseId.Value)) || (c.CaseId == null && c.ReceivedAt <= unlinkedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactProtected, (string?)null).SetProperty(c => c.ContactPurgedAt, now), cancellationToken);
    }
}
