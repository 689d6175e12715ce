using DuLuan.Data;
using DuLuan.Infrastructure.Approval;

namespace DuLuan.Features.Publish;

/// <summary>The kernel's <see cref="IOfficialApproval"/>: the same tiers and rules as posts and rebuttals (<see cref="OfficialApproval"/>).</summary>
public sealed class OfficialApprovalService(AppDbContext db) : IOfficialApproval
{
    public Task<int> TiersAsync(long unitId, CancellationToken ct) => ApprovalTiers.TiersAsync(db, unitId, ct);

    public string? RefusalKey(string approverId, IEnumerable<string?> authors, IEnumerable<string> validApproverIds)
        => OfficialApproval.RefusalKey(approverId, authors, validApproverIds);
}
