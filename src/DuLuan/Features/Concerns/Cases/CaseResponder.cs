using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// What an agency does with the cases routed to it (answer, ask to re-route, note) and how the office
/// decides a re-route. Every change checks the case's concurrency token; every step leaves history.
/// </summary>
public sealed class CaseResponder(AppDbContext db, CaseWorkflow workflow, UnitScope scope, TimeProvider clock, CaseAnswerMail answerMail)
{
    public static string RerouteAcceptedNote => new Message("Cases.Note.RerouteAccepted").Vietnamese;

    /// <summary>Cases routed to an agency where the member is liaison (or lead, admin) of that agency's subtree.</summary>
    public Task<IQueryable<Case>> AgencyCasesAsync(CancellationToken cancellationToken = default)
        => scope.InScope(db.Cases.Where(c => c.AgencyId != null), c => c.AgencyId!.Value, CaseRoles.Liaisons, cancellationToken);

    /// <summary>Cases whose place lies where the member handles cases (the office side).</summary>
    public Task<IQueryable<Case>> OfficeCasesAsync(CancellationToken cancellationToken = default)
        => scope.InScope(db.Cases, c => c.UnitId, CaseRoles.Handlers, cancellationToken);

    /// <summary>Publishes the answer (status Answered) and mails it to a resident who asked for one; false on a stale edit.</summary>
    public async Task<bool> AnswerAsync(Case tracked, string answer, string? note, int seenVersion, CancellationToken cancellationToken = default)
    {
        tracked.Answer = answer;
        if (!await workflow.MoveAsync(tracked, CaseStatus.Answered, note, seenVersion, cancellationToken))
        {
            return false;
        }

        await answerMail.SendAsync(tracked, cancellationToken);
        return true;
    }

    public async Task<bool> RequestRerouteAsync(Case tracked, string reason, int seenVersion, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Touch(tracked, seenVersion);
        db.RerouteRequests.Add(new RerouteRequest
        {
            CaseId = tracked.Id,
            FromAgencyId = tracked.AgencyId!.Value,
            Reason = reason,
            RequestedAt = now,
            RequestedBy = scope.MemberId,
            Decision = RerouteDecision.Pending,
        });
        db.CaseEvents.Add(new CaseEvent { CaseId = tracked.Id, At = now, Status = tracked.Status, Note = reason, RerouteRequested = true });
        db.Notifications.Add(Notification.Of(tracked.UnitId, new Message("Cases.Notify.RerouteAsked", tracked.Id), now));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>The office accepts (the case goes to <paramref name="toAgencyId"/>) or refuses (with a reason) a pending request.</summary>
    public async Task<bool> DecideRerouteAsync(Case tracked, RerouteRequest request, long? toAgencyId, string? note, int seenVersion, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Touch(tracked, seenVersion);
        request.DecidedAt = now;
        request.DecidedBy = scope.MemberId;
        request.DecisionNote = note;
        if (toAgencyId is { } to)
        {
            request.Decision = RerouteDecision.Accepted;
            request.ToAgencyId = to;
            tracked.AgencyId = to;
            tracked.OverdueSince = null;
            if (tracked.Status == CaseStatus.InProgress)
            {
                tracked.Status = CaseStatus.Assigned;
            }

            db.CaseEvents.Add(new CaseEvent { CaseId = tracked.Id, At = now, Status = CaseStatus.Assigned, Note = RerouteAcceptedNote });
            db.Notifications.Add(Notification.Of(to, new Message("Cases.Notify.Rerouted", tracked.Id), now));
        }
        else
        {
            request.Decision = RerouteDecision.Refused;
            db.Notifications.Add(Notification.Of(request.FromAgencyId, new Message("Cases.Notify.RerouteRefused", tracked.Id, note), now));
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task AddNoteAsync(long caseId, string text, CancellationToken cancellationToken = default)
    {
        db.CaseNotes.Add(new CaseNote { CaseId = caseId, At = clock.GetUtcNow().UtcDateTime, AuthorId = scope.MemberId, Text = text });
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Touch(Case tracked, int seenVersion)
    {
        db.Entry(tracked).Property(c => c.Version).OriginalValue = seenVersion;
        tracked.Version = seenVersion + 1;
    }

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
