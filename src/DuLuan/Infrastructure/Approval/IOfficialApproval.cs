namespace DuLuan.Infrastructure.Approval;

/// <summary>
/// The approval rules of everything published in the office's name (posts, rebuttals, bulletins), as a kernel service:
/// Publish owns the rules and their settings and implements this, so another feature reuses them without depending on
/// Publish. Approvers are leads or admins of the unit (<c>RoleTable.ApprovePosts</c>).
/// </summary>
public interface IOfficialApproval
{
    /// <summary>How many approvals (tiers) the unit requires: the highest set on it or any unit above it.</summary>
    Task<int> TiersAsync(long unitId, CancellationToken ct);

    /// <summary>The resource key of why <paramref name="approverId"/> may not add a tier (wrote or last changed it, already approved a tier), or null.</summary>
    string? RefusalKey(string approverId, IEnumerable<string?> authors, IEnumerable<string> validApproverIds);
}
