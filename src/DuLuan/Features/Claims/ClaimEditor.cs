using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Claims;

/// <summary>A field and the resource key of what is wrong with it.</summary>
public sealed record FieldError(string Field, string Key);

public sealed record ClaimEdit(string? Text, string? Verdict, string? Reasoning, string? Answer, string? OwnerId, string? Status, int Version);

/// <summary>
/// Every change to a claim: text cleaned (markup removed, NFC, personal data redacted), values from the fixed
/// scales only, stale edits refused by version, and each change written to the audit log in the same commit.
/// </summary>
public sealed class ClaimEditor(AppDbContext db, AuditLog audit, Members.UnitScope scope, TimeProvider clock)
{
    public static class Actions
    {
        public const string Created = "claims.created";
        public const string Edited = "claims.edited";
        public const string Submitted = "claims.submitted";
        public const string Approved = "claims.approved";
        public const string Published = "claims.published";
        public const string Unpublished = "claims.unpublished";
        public const string LinkAdded = "claims.link-added";
        public const string LinkRemoved = "claims.link-removed";
        public const string EvidenceAdded = "claims.evidence-added";
        public const string EvidenceRemoved = "claims.evidence-removed";
        public const string MatchConfirmed = "claims.match-confirmed";
        public const string MatchDismissed = "claims.match-dismissed";
    }

    public static string Target(long id) => "claim:" + id.ToString(CultureInfo.InvariantCulture);

    public static (string? Clean, string? Error) CleanText(string? text, int limit, bool required)
    {
        var clean = TypedText.PublicAnswerOrNull(text);
        if (clean is null)
        {
            return (null, required ? "Claims.Error.Required" : null);
        }

        return clean.Length > limit ? (null, "Claims.Error.TooLong") : (clean, null);
    }

    /// <summary>Only the names of the scale: numbers, other casing or unknown words are refused.</summary>
    public static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        if (value is null || !Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        result = Enum.Parse<T>(value);
        return true;
    }

    public async Task<(Claim? Claim, FieldError? Error)> CreateAsync(long unitId, string? text, CancellationToken ct)
    {
        var (clean, error) = CleanText(text, Claim.TextLimit, true);
        if (error is not null)
        {
            return (null, new FieldError("text", error));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new Claim { UnitId = unitId, Text = clean!, Status = ClaimStatus.Open, CreatedAt = now, UpdatedAt = now };
        db.Claims.Add(claim);
        await audit.SaveCreatedAsync(Actions.Created, unitId, () => Target(claim.Id), null, ct);
        return (claim, null);
    }

    /// <summary>Applies an edit; errors name the field. Returns "Claims.Stale" when someone else saved first.</summary>
    public async Task<List<FieldError>> EditAsync(Claim claim, ClaimEdit edit, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var (text, textError) = CleanText(edit.Text, Claim.TextLimit, true);
        if (textError is not null)
        {
            errors.Add(new FieldError("text", textError));
        }

        var (reasoning, reasoningError) = CleanText(edit.Reasoning, Claim.LongTextLimit, false);
        if (reasoningError is not null)
        {
            errors.Add(new FieldError("reasoning", reasoningError));
        }

        var (answer, answerError) = CleanText(edit.Answer, Claim.LongTextLimit, false);
        if (answerError is not null)
        {
            errors.Add(new FieldError("answer", answerError));
        }

        Verdict? verdict = null;
        if (!string.IsNullOrEmpty(edit.Verdict))
        {
            if (TryParseName<Verdict>(edit.Verdict, out var parsed))
            {
                verdict = parsed;
            }
            else
            {
                errors.Add(new FieldError("verdict", "Claims.Error.BadVerdict"));
            }
        }

        if (!TryParseName<ClaimStatus>(edit.Status, out var status))
        {
            errors.Add(new FieldError("status", "Claims.Error.BadStatus"));
        }

        var owner = string.IsNullOrEmpty(edit.OwnerId) ? null : edit.OwnerId;
        if (owner is not null && !(await ClaimRoles.OwnersAsync(db, claim.UnitId, ct)).Any(o => o.Id == owner))
        {
            errors.Add(new FieldError("ownerId", "Claims.Error.BadOwner"));
        }

        if (claim.PublishedAt is not null && (verdict is null || reasoning is null))
        {
            errors.Add(new FieldError("verdict", "Claims.Error.PublishedNeedsVerdict"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var changed = new List<string>();
        void Note(string name, bool differs)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }

        Note("text", claim.Text != text);
        Note("verdict", claim.Verdict != verdict);
        Note("reasoning", claim.Reasoning != reasoning);
        Note("answer", claim.Answer != answer);
        Note("owner", claim.OwnerId != owner);
        Note("status", claim.Status != status);
        var statementBefore = ClaimReview.ContentHash(claim);
        claim.Text = text!;
        claim.Verdict = verdict;
        claim.Reasoning = reasoning;
        claim.Answer = answer;
        claim.OwnerId = owner;
        claim.Status = status;
        if (ClaimReview.ContentHash(claim) != statementBefore)
        {
            // What the office says changed: approvals given before stop counting, and a published rebuttal goes back to review.
            claim.LastEditorId = scope.MemberId;
            if (claim.PublishedAt is not null)
            {
                claim.PublishedAt = null;
                claim.ReviewRequestedAt = clock.GetUtcNow().UtcDateTime;
                claim.ReviewRequestedBy = scope.MemberId;
                changed.Add("withdrawn for review");
            }
        }
        var detail = changed.Count == 0 ? "no change" : string.Join(", ", changed) + (changed.Contains("verdict") ? $"; verdict={verdict}" : "") + (changed.Contains("status") ? $"; status={status}" : "");
        return await SaveVersionedAsync(claim, edit.Version, Actions.Edited, detail, ct) ? [] : [new FieldError(string.Empty, "Claims.Stale")];
    }

    /// <summary>Saves a tracked claim if nobody saved since <paramref name="seenVersion"/>, with its audit entry.</summary>
    public async Task<bool> SaveVersionedAsync(Claim claim, int seenVersion, string action, string? detail, CancellationToken ct)
    {
        db.Entry(claim).Property(c => c.Version).OriginalValue = seenVersion;
        claim.Version = seenVersion + 1;
        claim.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(action, claim.UnitId, Target(claim.Id), detail);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
