using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

public sealed record EvidenceInput(string? Kind, string? Title, string? Url, string? Note, bool IsPublic, string? FileName, byte[]? File);

/// <summary>
/// Where a claim appeared, its evidence, and the staff decision on a suggested match. Linked records must be in
/// the member's own scope (a forged id from another unit is "not found"); URLs are http(s) only.
/// </summary>
public sealed class ClaimSources(AppDbContext db, UnitScope scope, AuditLog audit, TimeProvider clock)
{
    public const int UrlLimit = 2000;

    /// <summary>The absolute http(s) URL, or null for anything else (javascript:, data:, relative, too long).</summary>
    public static string? SafeUrl(string? url)
    {
        url = url?.Trim();
        return url is { Length: > 0 and <= UrlLimit } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;
    }

    public async Task<FieldError?> AddLinkAsync(Claim claim, string? kind, string? target, string? outlet, DateOnly? appeared, CancellationToken ct)
    {
        if (!ClaimEditor.TryParseName<ClaimLinkKind>(kind, out var linkKind))
        {
            return new FieldError("kind", "Claims.Error.BadLinkKind");
        }

        var link = new ClaimLink { ClaimId = claim.Id, Kind = linkKind, AddedAt = clock.GetUtcNow().UtcDateTime };
        if (linkKind == ClaimLinkKind.Url)
        {
            link.Url = SafeUrl(target);
            if (link.Url is null)
            {
                return new FieldError("target", "Claims.Error.BadUrl");
            }

            var (cleanOutlet, error) = ClaimEditor.CleanText(outlet, 200, false);
            if (error is not null)
            {
                return new FieldError("outlet", error);
            }

            link.Outlet = cleanOutlet ?? new Uri(link.Url).Host;
            link.AppearedAt = appeared?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        else
        {
            if (!long.TryParse((target ?? string.Empty).Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return new FieldError("target", "Claims.Error.BadTarget");
            }

            var found = await FindTargetAsync(linkKind, id, ct);
            if (found is null)
            {
                return new FieldError("target", "Claims.Error.NoSuchTarget");
            }

            link.TargetId = id;
            link.Outlet = found.Value.Outlet;
            link.AppearedAt = found.Value.At;
            if (await db.ClaimLinks.AnyAsync(l => l.ClaimId == claim.Id && l.Kind == linkKind && l.TargetId == id, ct))
            {
                return new FieldError("target", "Claims.Error.AlreadyLinked");
            }
        }

        db.ClaimLinks.Add(link);
        audit.Add(ClaimEditor.Actions.LinkAdded, claim.UnitId, ClaimEditor.Target(claim.Id), $"{linkKind} {link.TargetId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? link.Url}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<bool> RemoveLinkAsync(Claim claim, long linkId, CancellationToken ct)
    {
        var link = await db.ClaimLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ClaimId == claim.Id, ct);
        if (link is null)
        {
            return false;
        }

        db.ClaimLinks.Remove(link);
        audit.Add(ClaimEditor.Actions.LinkRemoved, claim.UnitId, ClaimEditor.Target(claim.Id), $"{link.Kind} {link.TargetId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? link.Url}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The record in the member's scope, with where and when it appeared; null when not found or not theirs.</summary>
    private async Task<(string? Outlet, DateTime? At)?> FindTargetAsync(ClaimLinkKind kind, long id, CancellationToken ct)
    {
        switch (kind)
        {
            case ClaimLinkKind.Story:
                var stories = await scope.InScope(db.Stories.AsNoTracking(), s => s.UnitId, RoleTable.Everyone, ct);
                var story = await stories.Where(s => s.Id == id).Select(s => new { s.FirstSeenAt }).FirstOrDefaultAsync(ct);
                if (story is null)
                {
                    return null;
                }

                var outlet = await db.Articles.Where(a => a.StoryId == id).OrderBy(a => a.PublishedAt).Select(a => a.Outlet).FirstOrDefaultAsync(ct);
                return (outlet, story.FirstSeenAt);
            case ClaimLinkKind.Concern:
                var concerns = await scope.InScope(db.Concerns.AsNoTracking(), c => c.UnitId, ClaimRoles.Handlers, ct);
                var concern = await concerns.Where(c => c.Id == id).Select(c => new { c.ReceivedAt }).FirstOrDefaultAsync(ct);
                return concern is null ? null : (null, concern.ReceivedAt);
            default:
                // As the Opinions pages read them: one's own reports, and every report of a subtree one reads reports of.
                var readable = (await scope.UnitsAsync(RoleTable.ReadOpinionReports.Roles, ct)).Select(u => u.Id);
                var me = scope.MemberId ?? string.Empty;
                var report = await db.OpinionReports.Where(r => r.MemberId == me || readable.Contains(r.UnitId)).Where(r => r.Id == id).Select(r => new { r.SubmittedAt }).FirstOrDefaultAsync(ct);
                return report is null ? null : (null, report.SubmittedAt);
        }
    }

    public async Task<FieldError?> AddEvidenceAsync(Claim claim, EvidenceInput input, CancellationToken ct)
    {
        if (!ClaimEditor.TryParseName<EvidenceKind>(input.Kind, out var kind))
        {
            return new FieldError("evidenceKind", "Claims.Error.BadEvidenceKind");
        }

        var (title, titleError) = ClaimEditor.CleanText(input.Title, 300, true);
        if (titleError is not null)
        {
            return new FieldError("evidenceTitle", titleError);
        }

        var (note, noteError) = ClaimEditor.CleanText(input.Note, 4000, false);
        if (noteError is not null)
        {
            return new FieldError("evidenceNote", noteError);
        }

        var evidence = new ClaimEvidence { ClaimId = claim.Id, Kind = kind, Title = title!, Note = note, IsPublic = input.IsPublic, AddedAt = clock.GetUtcNow().UtcDateTime };
        if (!string.IsNullOrWhiteSpace(input.Url))
        {
            evidence.Url = SafeUrl(input.Url);
            if (evidence.Url is null)
            {
                return new FieldError("evidenceUrl", "Claims.Error.BadUrl");
            }
        }

        if (kind == EvidenceKind.Link && evidence.Url is null)
        {
            return new FieldError("evidenceUrl", "Claims.Error.UrlRequired");
        }

        if (kind == EvidenceKind.Document)
        {
            var (accepted, error) = AttachmentFiles.Check(input.FileName, input.File ?? []);
            if (accepted is null)
            {
                return new FieldError("evidenceFile", error!);
            }

            evidence.FileName = accepted.FileName;
            evidence.ContentType = accepted.ContentType;
            evidence.Content = accepted.Content;
            evidence.Size = accepted.Content.Length;
        }

        db.ClaimEvidence.Add(evidence);
        var detail = $"{kind}: {title}";
        if (evidence.IsPublic)
        {
            // Public evidence is part of what the office says: approvals given before stop counting (the approved hash
            // covers public evidence), the adder may not approve it, and a published rebuttal goes back to review.
            claim.LastEditorId = scope.MemberId;
            if (claim.PublishedAt is not null)
            {
                claim.PublishedAt = null;
                claim.ReviewRequestedAt = clock.GetUtcNow().UtcDateTime;
                claim.ReviewRequestedBy = scope.MemberId;
                detail += "; withdrawn for review";
            }
        }

        audit.Add(ClaimEditor.Actions.EvidenceAdded, claim.UnitId, ClaimEditor.Target(claim.Id), detail);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<bool> RemoveEvidenceAsync(Claim claim, long evidenceId, CancellationToken ct)
    {
        var evidence = await db.ClaimEvidence.FirstOrDefaultAsync(e => e.Id == evidenceId && e.ClaimId == claim.Id, ct);
        if (evidence is null)
        {
            return false;
        }

        db.ClaimEvidence.Remove(evidence);
        audit.Add(ClaimEditor.Actions.EvidenceRemoved, claim.UnitId, ClaimEditor.Target(claim.Id), $"{evidence.Kind}: {evidence.Title}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Confirming links the story or concern to the claim; dismissing only records the decision, so it is not suggested again.</summary>
    public async Task<bool> DecideAsync(Claim claim, long matchId, bool confirm, CancellationToken ct)
    {
        var match = await db.ClaimMatches.FirstOrDefaultAsync(m => m.Id == matchId && m.ClaimId == claim.Id && m.Status == MatchStatus.Pending, ct);
        if (match is null)
        {
            return false;
        }

        match.Status = confirm ? MatchStatus.Confirmed : MatchStatus.Dismissed;
        match.DecidedAt = clock.GetUtcNow().UtcDateTime;
        var linkKind = match.Kind == MatchKind.Story ? ClaimLinkKind.Story : ClaimLinkKind.Concern;
        if (confirm && !await db.ClaimLinks.AnyAsync(l => l.ClaimId == claim.Id && l.Kind == linkKind && l.TargetId == match.TargetId, ct))
        {
            var found = await FindTargetAsync(linkKind, match.TargetId, ct);
            if (found is null)
            {
                return false;
            }

            db.ClaimLinks.Add(new ClaimLink { ClaimId = claim.Id, Kind = linkKind, TargetId = match.TargetId, Outlet = found.Value.Outlet, AppearedAt = found.Value.At, AddedAt = match.DecidedAt.Value });
        }

        audit.Add(confirm ? ClaimEditor.Actions.MatchConfirmed : ClaimEditor.Actions.MatchDismissed, claim.UnitId, ClaimEditor.Target(claim.Id), $"{match.Kind} {match.TargetId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
