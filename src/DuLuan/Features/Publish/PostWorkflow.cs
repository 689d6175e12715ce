using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>The outcome of a workflow step: done, refused with a reason (a string key), or stale (someone else changed the post first).</summary>
public sealed record StepResult(bool Ok, string? ErrorKey = null, object[]? Args = null)
{
    public static readonly StepResult Done = new(true);

    public static readonly StepResult Stale = new(false, "Publish.Error.Stale");

    public static StepResult Refused(string key, params object[] args) => new(false, key, args);
}

/// <summary>
/// Draft → in review → approved → scheduled → published | failed. Every step checks the version the member saw
/// (optimistic concurrency), writes the audit entry in the same save, and bumps the version.
/// </summary>
public sealed class PostWorkflow(AppDbContext db, AuditLog audit, ChannelLimits limits, TimeProvider clock, OfficeTime office)
{
    public static class Actions
    {
        public const string Created = "publish.post-created";
        public const string Edited = "publish.post-edited";
        public const string Submitted = "publish.post-submitted";
        public const string Approved = "publish.post-approved";
        public const string Returned = "publish.post-returned";
        public const string Scheduled = "publish.post-scheduled";
        public const string PublishNow = "publish.post-publish-now";
        public const string Published = "publish.post-published";
        public const string Failed = "publish.post-failed";
        public const string Retried = "publish.post-retried";
        public const string Commented = "publish.post-commented";
        public const string ChannelAdded = "publish.channel-added";
        public const string ChannelRejected = "publish.channel-token-rejected";
        public const string TiersChanged = "publish.tiers-changed";
        public const string MetricsImported = "publish.metrics-imported";
        public const string MetricsPulled = "publish.metrics-pulled";
    }

    public static string Target(long postId) => "post:" + postId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Approvals that still count: given for the current content, one per tier.</summary>
    public async Task<List<PostApproval>> ValidApprovalsAsync(Post post, CancellationToken ct)
        => await db.PostApprovals.AsNoTracking().Where(a => a.PostId == post.Id && a.ContentHash == post.ContentHash).OrderBy(a => a.Tier).ToListAsync(ct);

    public async Task<StepResult> SubmitAsync(Post post, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status != PostStatus.Draft)
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        var problem = await limits.CheckAsync(post, ct);
        if (problem is not null)
        {
            return problem;
        }

        post.Status = PostStatus.InReview;
        return await SaveAsync(post, seenVersion, Actions.Submitted, null, ct);
    }

    public async Task<StepResult> ApproveAsync(Post post, string approverId, string? approverName, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status != PostStatus.InReview)
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        var valid = await ValidApprovalsAsync(post, ct);
        if (OfficialApproval.RefusalKey(approverId, [post.AuthorId, post.LastEditorId], valid.Select(a => a.ApproverId)) is { } refusal)
        {
            return StepResult.Refused(refusal);
        }

        var tiers = await ApprovalTiers.TiersAsync(db, post.UnitId, ct);
        var tier = valid.Count + 1;
        db.PostApprovals.Add(new PostApproval { PostId = post.Id, Tier = tier, ApproverId = approverId, ApproverName = approverName, At = Now, ContentHash = post.ContentHash });
        if (tier >= tiers)
        {
            post.Status = post.ScheduledAt is { } at ? PostStatus.Scheduled : PostStatus.Approved;
            post.NextAttemptAt = post.ScheduledAt is { } when ? Max(when, Now) : null;
        }

        return await SaveAsync(post, seenVersion, Actions.Approved, $"tier {tier}/{tiers}", ct);
    }

    public async Task<StepResult> ReturnAsync(Post post, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status is not (PostStatus.InReview or PostStatus.Approved or PostStatus.Scheduled))
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        post.Status = PostStatus.Draft;
        post.NextAttemptAt = null;
        return await SaveAsync(post, seenVersion, Actions.Returned, null, ct);
    }

    /// <summary>Sets (or moves) the time; an approved post becomes scheduled. A time in the past means "now".</summary>
    public async Task<StepResult> ScheduleAsync(Post post, DateTime at, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status is PostStatus.Published or PostStatus.Failed)
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        if (post.Status is PostStatus.Approved or PostStatus.Scheduled)
        {
            var problem = await limits.CheckAsync(post, ct);
            if (problem is not null)
            {
                return problem;
            }

            var tiers = await ApprovalTiers.TiersAsync(db, post.UnitId, ct);
            if ((await ValidApprovalsAsync(post, ct)).Count < tiers)
            {
                return StepResult.Refused("Publish.Error.NotApproved");
            }

            post.Status = PostStatus.Scheduled;
            post.NextAttemptAt = Max(at, Now);
        }

        post.ScheduledAt = at;
        return await SaveAsync(post, seenVersion, Actions.Scheduled, office.Iso(at), ct);
    }

    /// <summary>
    /// "Đăng ngay": an approved (or scheduled) post is due at once, and the publishing job takes it on its next pass
    /// through the same path as a scheduled one (channel limits and every approval tier still checked).
    /// </summary>
    public async Task<StepResult> PublishNowAsync(Post post, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status is not (PostStatus.Approved or PostStatus.Scheduled))
        {
            return StepResult.Refused("Publish.Error.NotApproved");
        }

        var problem = await limits.CheckAsync(post, ct);
        if (problem is not null)
        {
            return problem;
        }

        var tiers = await ApprovalTiers.TiersAsync(db, post.UnitId, ct);
        if ((await ValidApprovalsAsync(post, ct)).Count < tiers)
        {
            return StepResult.Refused("Publish.Error.NotApproved");
        }

        post.Status = PostStatus.Scheduled;
        post.ScheduledAt = Now;
        post.NextAttemptAt = Now;
        return await SaveAsync(post, seenVersion, Actions.PublishNow, null, ct);
    }

    /// <summary>New content: approvals given for the old content stop counting, so an approved post goes back to review.</summary>
    public async Task<StepResult> EditAsync(Post post, PostContent.Cleaned content, string? imageSha, IReadOnlyCollection<long> channelIds, string editorId, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status is PostStatus.Published or PostStatus.Failed || post.PublishedAt is not null)
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        var hash = PostContent.Hash(content.Title, content.BodyHtml, content.Tags, content.LinkUrl, imageSha, channelIds);
        var changed = hash != post.ContentHash;
        post.Title = content.Title;
        post.BodyHtml = content.BodyHtml;
        post.BodyText = content.BodyText;
        post.Tags = content.Tags;
        post.LinkUrl = content.LinkUrl;
        post.ContentHash = hash;
        if (changed)
        {
            post.LastEditorId = editorId;
            if (post.Status is PostStatus.Approved or PostStatus.Scheduled)
            {
                post.Status = PostStatus.InReview;
                post.NextAttemptAt = null;
            }
        }

        if (post.Status == PostStatus.Scheduled)
        {
            post.NextAttemptAt = Max(post.ScheduledAt ?? Now, Now);
        }

        return await SaveAsync(post, seenVersion, Actions.Edited, changed ? "content changed: approvals expired" : null, ct);
    }

    public async Task<StepResult> RetryAsync(Post post, int seenVersion, CancellationToken ct)
    {
        if (post.Version != seenVersion)
        {
            return StepResult.Stale;
        }

        if (post.Status != PostStatus.Failed)
        {
            return StepResult.Refused("Publish.Error.BadStep");
        }

        await db.PostTargets.Where(t => t.PostId == post.Id && t.Status == TargetStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TargetStatus.Pending), ct);
        post.Status = PostStatus.Scheduled;
        post.Attempts = 0;
        post.NextAttemptAt = Now;
        return await SaveAsync(post, seenVersion, Actions.Retried, null, ct);
    }

    public async Task CommentAsync(Post post, string authorId, string? authorName, string text, CancellationToken ct)
    {
        db.PostComments.Add(new PostComment { PostId = post.Id, AuthorId = authorId, AuthorName = authorName, At = Now, Text = text });
        audit.Add(Actions.Commented, post.UnitId, Target(post.Id));
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private async Task<StepResult> SaveAsync(Post post, int seenVersion, string action, string? detail, CancellationToken ct)
    {
        db.Entry(post).Property(p => p.Version).OriginalValue = seenVersion;
        post.Version = seenVersion + 1;
        post.UpdatedAt = Now;
        audit.Add(action, post.UnitId, Target(post.Id), detail is null ? post.Status.ToString() : $"{post.Status}: {detail}");
        try
        {
            await db.SaveChangesAsync(ct);
            return StepResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return StepResult.Stale;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return StepResult.Stale;
        }
    }
}
