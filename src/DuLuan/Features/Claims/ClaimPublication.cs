using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Approval;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>
/// A rebuttal is an official statement: an editor asks for publication, and it goes public only when the approval tiers
/// of its unit are complete, through the same rules as posts (the kernel's <see cref="IOfficialApproval"/>, which Publish implements). Every step checks the
/// version the member saw and writes its audit entry in the same save.
/// </summary>
public sealed class ClaimPublication(AppDbContext db, ClaimEditor editor, UnitScope scope, IOfficialApproval approval, TimeProvider clock)
{
    /// <summary>Approvals given for what the claim says now, one per tier.</summary>
    public async Task<List<ClaimApproval>> ValidApprovalsAsync(Claim claim, CancellationToken ct)
    {
        var hash = await ApprovedHashAsync(claim, ct);
        return await db.ClaimApprovals.AsNoTracking().Where(a => a.ClaimId == claim.Id && a.ContentHash == hash).OrderBy(a => a.Tier).ToListAsync(ct);
    }

    /// <summary>The hash an approval covers: the statement and the evidence the public sees with it.</summary>
    private async Task<string> ApprovedHashAsync(Claim claim, CancellationToken ct)
        => ClaimReview.ContentHash(claim, await db.ClaimEvidence.Where(e => e.ClaimId == claim.Id && e.IsPublic).Select(e => e.Id).ToListAsync(ct));

    public Task<int> TiersAsync(Claim claim, CancellationToken ct) => approval.TiersAsync(claim.UnitId, ct);

    /// <summary>Asks for publication (it goes public at once only if this very content already has every tier), or withdraws.</summary>
    public async Task<FieldError?> PublishAsync(Claim claim, bool publish, int version, CancellationToken ct)
    {
        if (!publish)
        {
            claim.PublishedAt = null;
            claim.ReviewRequestedAt = null;
            return await SaveAsync(claim, version, ClaimEditor.Actions.Unpublished, claim.Verdict?.ToString(), ct);
        }

        if (!claim.CanPublish)
        {
            return new FieldError("verdict", "Claims.Error.PublishNeedsVerdict");
        }

        if (claim.PublishedAt is not null)
        {
            return null;
        }

        claim.ReviewRequestedAt = Now;
        claim.ReviewRequestedBy = scope.MemberId;
        var valid = await ValidApprovalsAsync(claim, ct);
        var tiers = await TiersAsync(claim, ct);
        if (valid.Count >= tiers)
        {
            GoPublic(claim);
        }

        return await SaveAsync(claim, version, claim.PublishedAt is null ? ClaimEditor.Actions.Submitted : ClaimEditor.Actions.Published, $"{valid.Count}/{tiers}", ct);
    }

    /// <summary>One tier of approval by a lead or admin of the unit who neither asked for it nor wrote it; the last tier publishes.</summary>
    public async Task<FieldError?> ApproveAsync(Claim claim, int version, CancellationToken ct)
    {
        var approverId = scope.MemberId;
        if (approverId is null || !await scope.HoldsAsync(claim.UnitId, RoleTable.ApprovePosts.Roles, ct))
        {
            return new FieldError(string.Empty, "Claims.Error.NotApprover");
        }

        if (!claim.InReview)
        {
            return new FieldError(string.Empty, "Publish.Error.BadStep");
        }

        var valid = await ValidApprovalsAsync(claim, ct);
        if (approval.RefusalKey(approverId, [claim.ReviewRequestedBy, claim.LastEditorId], valid.Select(a => a.ApproverId)) is { } refusal)
        {
            return new FieldError(string.Empty, refusal);
        }

        var tiers = await TiersAsync(claim, ct);
        var tier = valid.Count + 1;
        var approverName = await db.Users.Where(u => u.Id == approverId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        db.ClaimApprovals.Add(new ClaimApproval { ClaimId = claim.Id, Tier = tier, ApproverId = approverId, ApproverName = approverName, At = Now, ContentHash = await ApprovedHashAsync(claim, ct) });
        if (tier >= tiers)
        {
            GoPublic(claim);
        }

        return await SaveAsync(claim, version, ClaimEditor.Actions.Approved, $"tier {tier}/{tiers}", ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void GoPublic(Claim claim)
    {
        claim.PublishedAt = Now;
        if (claim.Status is ClaimStatus.Open or ClaimStatus.Investigating)
        {
            claim.Status = ClaimStatus.Answered;
        }
    }

    private async Task<FieldError?> SaveAsync(Claim claim, int version, string action, string? detail, CancellationToken ct)
    {
        try
        {
            return await editor.SaveVersionedAsync(claim, version, action, detail, ct) ? null : new FieldError(string.Empty, "Claims.Stale");
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two approvals of the same tier at once: the loser is told the claim changed.
            db.ChangeTracker.Clear();
            return new FieldError(string.Empty, "Claims.Stale");
        }
    }
}
