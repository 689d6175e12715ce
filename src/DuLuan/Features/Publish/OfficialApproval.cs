namespace DuLuan.Features.Publish;

/// <summary>
/// The one approval path for everything published in the office's name (posts and claim rebuttals): the number of tiers
/// comes from the tree (<see cref="ApprovalTiers.TiersAsync"/>), approvers are leads or admins of the unit
/// (<see cref="PostRoles.Approvers"/>), nobody approves what they wrote or last changed, each tier is a different
/// person, and an approval counts only for the exact content it was given for.
/// </summary>
public static class OfficialApproval
{
    /// <summary>The resource key of why <paramref name="approverId"/> may not add a tier, or null when they may.</summary>
    public static string? RefusalKey(string approverId, IEnumerable<string?> authors, IEnumerable<string> validApproverIds)
    {
        if (authors.Any(a => a == approverId))
        {
            return "Publish.Error.SelfApproval";
        }

        return validApproverIds.Contains(approverId) ? "Publish.Error.SameApprover" : null;
    }
}
