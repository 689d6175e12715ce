using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Infrastructure.Approval;
using DuLuan.Infrastructure.Dialogue;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// Preparing a dialogue: announcing it, residents' questions (redacted, anonymous, a follow-up code), questions staff
/// draw from concerns and opinion trends, grouping near-duplicates, picking questions for an agency to answer, and the
/// official approval of each answer (the same tiers and rules as posts and rebuttals). Errors are resource keys.
/// </summary>
public sealed class DialogueWorkflow(AppDbContext db, AuditLog audit, IOfficialApproval approval, TimeProvider clock)
{
    public static class Actions
    {
        public const string Created = "dialogue.created";
        public const string QuestionAdded = "dialogue.question-added";
        public const string Grouped = "dialogue.grouped";
        public const string Picked = "dialogue.question-picked";
        public const string Drafted = "dialogue.answer-drafted";
        public const string Approved = "dialogue.answer-approved";
        public const string Held = "dialogue.held";
        public const string Committed = "dialogue.commitment-made";
        public const string Published = "dialogue.published";
    }

    /// <summary>Questions whose texts are at least this similar (MinHash estimate of the Jaccard index of their syllable pairs) are grouped.</summary>
    public const double GroupThreshold = 0.35;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<long> CreateAsync(DialogueSession session, CancellationToken ct)
    {
        session.Status = DialogueStatus.Collecting;
        session.CreatedAt = Now;
        db.DialogueSessions.Add(session);
        await audit.SaveCreatedAsync(Actions.Created, session.UnitId, () => "dialogue:" + session.Id.ToString(CultureInfo.InvariantCulture), null, ct);
        return session.Id;
    }

    /// <summary>A resident's question: redacted as concerns are, no name, contact or address kept; the code is returned once.</summary>
    public async Task<(DialogueQuestion? Question, string? Code, string? ErrorKey)> AskAsync(DialogueSession session, string? typed, CancellationToken ct)
    {
        if (session.Status != DialogueStatus.Collecting || session.StartsAt <= Now)
        {
            return (null, null, "Dialogue.Error.NotCollecting");
        }

        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, null, "Dialogue.Error.QuestionRequired");
        }

        if (typed.Length > DialogueQuestion.MaxText)
        {
            return (null, null, "Dialogue.Error.QuestionTooLong");
        }

        var text = TypedText.FromResident(typed);
        if (text.Length == 0)
        {
            return (null, null, "Dialogue.Error.QuestionRequired");
        }

        var code = QuestionCode.New();
        var question = new DialogueQuestion
        {
            SessionId = session.Id,
            Text = text.Length > DialogueQuestion.MaxText ? text[..DialogueQuestion.MaxText] : text,
            Source = QuestionSource.Resident,
            FollowUpHash = QuestionCode.Hash(code),
            ReceivedAt = Now,
        };
        db.DialogueQuestions.Add(question);
        // Not audited: the audit log keeps the caller's address, and residents who ask are never recorded.
        await db.SaveChangesAsync(ct);
        return (question, code, null);
    }

    /// <summary>A question staff add themselves, or from a suggestion drawn from concerns or opinion trends (added once).</summary>
    public async Task<string?> AddAsync(DialogueSession session, string? typed, TopicSuggestion? from, CancellationToken ct)
    {
        if (session.Status != DialogueStatus.Collecting)
        {
            return "Dialogue.Error.NotCollecting";
        }

        var text = TypedText.PublicAnswer(from?.Question ?? typed ?? string.Empty);
        if (text.Length == 0)
        {
            return "Dialogue.Error.QuestionRequired";
        }

        if (text.Length > DialogueQuestion.MaxText)
        {
            return "Dialogue.Error.QuestionTooLong";
        }

        var source = from?.Kind switch { "concerns" => QuestionSource.Concerns, "opinions" => QuestionSource.Opinions, _ => QuestionSource.Staff };
        var key = from is null ? null : Truncate(from.Kind + ":" + from.Key, 100);
        if (key is not null && await db.DialogueQuestions.AnyAsync(q => q.SessionId == session.Id && q.SourceKey == key, ct))
        {
            return "Dialogue.Error.AlreadyAdded";
        }

        db.DialogueQuestions.Add(new DialogueQuestion
        {
            SessionId = session.Id,
            Text = text,
            Source = source,
            SourceKey = key,
            SourceLabel = from is null ? null : Truncate(from.Label, DialogueQuestion.MaxLabel),
            Weight = Math.Max(1, from?.Count ?? 1),
            ReceivedAt = Now,
        });
        audit.Add(Actions.QuestionAdded, session.UnitId, "dialogue:" + session.Id.ToString(CultureInfo.InvariantCulture), source.ToString());
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Groups near-duplicate questions not yet picked: each group points at its first question. Returns how many were grouped.</summary>
    public async Task<int> GroupAsync(DialogueSession session, CancellationToken ct)
    {
        var open = await db.DialogueQuestions.Where(q => q.SessionId == session.Id && q.Stage == QuestionStage.Received).OrderBy(q => q.Id).ToListAsync(ct);
        if (open.Count < 2)
        {
            return 0;
        }

        // A session holds at most a few hundred questions: every pair is compared (no banding, so no pair is missed).
        var hasher = new MinHasher();
        var signatures = open.Select(q => hasher.Signature(q.Text)).ToList();
        var leaders = open.Select(q => q.GroupId ?? q.Id).ToArray();
        var grouped = 0;
        for (var i = 1; i < open.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (MinHasher.Similarity(signatures[i], signatures[j]) >= GroupThreshold && leaders[i] != leaders[j])
                {
                    var (keep, merge) = leaders[j] < leaders[i] ? (leaders[j], leaders[i]) : (leaders[i], leaders[j]);
                    for (var k = 0; k < open.Count; k++)
                    {
                        if (leaders[k] == merge)
                        {
                            leaders[k] = keep;
                        }
                    }
                }
            }
        }

        for (var k = 0; k < open.Count; k++)
        {
            var leader = leaders[k] == open[k].Id ? (long?)null : leaders[k];
            if (open[k].GroupId != leader)
            {
                open[k].GroupId = leader;
                grouped++;
            }
        }

        audit.Add(Actions.Grouped, session.UnitId, "dialogue:" + session.Id.ToString(CultureInfo.InvariantCulture), grouped.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return grouped;
    }

    /// <summary>Picks a question (the first of its group) for the session and sends it to the agency that answers it.</summary>
    public async Task<string?> PickAsync(DialogueSession session, DialogueQuestion question, long agencyId, int position, CancellationToken ct)
    {
        if (session.Status != DialogueStatus.Collecting)
        {
            return "Dialogue.Error.NotCollecting";
        }

        if (question.GroupId is not null)
        {
            return "Dialogue.Error.GroupedQuestion";
        }

        if (position is < 1 or > 999)
        {
            return "Dialogue.Error.BadPosition";
        }

        question.AgencyId = agencyId;
        question.Position = position;
        question.Stage = question.Answer is null ? QuestionStage.WithAgency : QuestionStage.Drafted;
        audit.Add(Actions.Picked, session.UnitId, "dialogue-question:" + question.Id.ToString(CultureInfo.InvariantCulture), "agency=" + agencyId.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The agency's draft answer and who speaks it; any earlier approval stops counting (it was for other words).</summary>
    public async Task<string?> DraftAsync(DialogueSession session, DialogueQuestion question, string? answer, string? speaker, string memberId, CancellationToken ct)
    {
        if (question.Stage is not (QuestionStage.WithAgency or QuestionStage.Drafted or QuestionStage.Approved) || session.Status == DialogueStatus.Published)
        {
            return "Dialogue.Error.NotWithAgency";
        }

        var text = TypedText.PublicAnswer(answer ?? string.Empty);
        if (text.Length == 0)
        {
            return "Dialogue.Error.AnswerRequired";
        }

        if (text.Length > DialogueQuestion.MaxAnswer)
        {
            return "Dialogue.Error.AnswerTooLong";
        }

        var who = (speaker ?? string.Empty).Trim();
        if (!DialogueSession.Lines(session.Officials).Contains(who, StringComparer.Ordinal))
        {
            return "Dialogue.Error.SpeakerUnknown";
        }

        question.Answer = text;
        question.Speaker = who;
        question.DraftedBy = memberId;
        question.DraftedAt = Now;
        question.Stage = QuestionStage.Drafted;
        audit.Add(Actions.Drafted, session.UnitId, "dialogue-question:" + question.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static string ContentHash(DialogueQuestion q)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(q.Text + "\n" + q.Answer + "\n" + q.Speaker)));

    /// <summary>Approvals that count: given for the answer as it stands, one per tier.</summary>
    public Task<List<DialogueApproval>> ValidApprovalsAsync(DialogueQuestion q, CancellationToken ct)
    {
        var hash = ContentHash(q);
        return db.DialogueApprovals.AsNoTracking().Where(a => a.QuestionId == q.Id && a.ContentHash == hash).OrderBy(a => a.Tier).ToListAsync(ct);
    }

    public Task<int> TiersAsync(DialogueSession session, CancellationToken ct) => approval.TiersAsync(session.UnitId, ct);

    /// <summary>One tier of approval by a lead: never by whoever drafted the answer, each tier a different person.</summary>
    public async Task<string?> ApproveAsync(DialogueSession session, DialogueQuestion question, string approverId, CancellationToken ct)
    {
        if (question.Stage != QuestionStage.Drafted || question.Answer is null)
        {
            return "Dialogue.Error.NothingToApprove";
        }

        var valid = await ValidApprovalsAsync(question, ct);
        var refusal = approval.RefusalKey(approverId, [question.DraftedBy], valid.Select(a => a.ApproverId));
        if (refusal is not null)
        {
            return refusal;
        }

        var tiers = await TiersAsync(session, ct);
        var tier = valid.Count + 1;
        db.DialogueApprovals.Add(new DialogueApproval { QuestionId = question.Id, Tier = tier, ApproverId = approverId, ContentHash = ContentHash(question), At = Now });
        if (tier >= tiers)
        {
            question.Stage = QuestionStage.Approved;
        }

        audit.Add(Actions.Approved, session.UnitId, "dialogue-question:" + question.Id.ToString(CultureInfo.InvariantCulture), "tier=" + tier.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
