using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Dialogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Dialogue;

/// <summary>
/// One dialogue for the office: its questions (residents' and those drawn from concerns and opinion trends), grouping of
/// near-duplicates, picking questions for agencies, approving answers, holding the session, commitments, publishing.
/// </summary>
public sealed class DetailsModel(AppDbContext db, UnitScope access, DialogueWorkflow workflow, DialogueClosing closing, IEnumerable<IDialogueTopicSource> sources, TimeProvider clock) : PageModel
{
    public sealed record QuestionRow(DialogueQuestion Question, int Asked, int Members, string? Agency, int Approvals);

    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public DialogueSession Session { get; private set; } = null!;

    public string? PlaceCode { get; private set; }

    public List<QuestionRow> Questions { get; private set; } = [];

    public List<(IDialogueTopicSource Source, IReadOnlyList<TopicSuggestion> Items)> Suggestions { get; private set; } = [];

    public List<Unit> Agencies { get; private set; } = [];

    public List<DialogueCommitment> Commitments { get; private set; } = [];

    public bool CanOrganise { get; private set; }

    public bool CanApprove { get; private set; }

    public int Tiers { get; private set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync([FromForm] string? text, CancellationToken ct)
        => OrganiseAsync(s => workflow.AddAsync(s, text, null, ct), ct);

    public Task<IActionResult> OnPostSuggestAsync([FromForm] string? kind, [FromForm] string? key, CancellationToken ct)
        => OrganiseAsync(async s =>
        {
            var source = sources.FirstOrDefault(x => x.Kind == kind);
            var item = source is null ? null : (await source.SuggestAsync(s.UnitId, Since, 20, ct)).FirstOrDefault(x => x.Key == key);
            return item is null ? "Dialogue.Error.SuggestionGone" : await workflow.AddAsync(s, null, item, ct);
        }, ct);

    public Task<IActionResult> OnPostGroupAsync(CancellationToken ct)
        => OrganiseAsync(async s =>
        {
            await workflow.GroupAsync(s, ct);
            return null;
        }, ct);

    public Task<IActionResult> OnPostPickAsync([FromForm] long questionId, [FromForm] long agencyId, [FromForm] int position, CancellationToken ct)
        => OrganiseAsync(async s =>
        {
            var question = await db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == s.Id, ct);
            var agencies = await DialogueQueries.AgenciesForAsync(db, s.UnitId, ct);
            if (question is null)
            {
                return "Dialogue.Error.QuestionGone";
            }

            return agencies.All(a => a.Id != agencyId) ? "Dialogue.Error.AgencyUnknown" : await workflow.PickAsync(s, question, agencyId, position, ct);
        }, ct);

    public async Task<IActionResult> OnPostApproveAsync([FromForm] long questionId, CancellationToken ct)
    {
        var session = await TrackedAsync(ct);
        if (session is null || !await access.HoldsAsync(session.UnitId, DialogueRoles.Approvers, ct))
        {
            return NotFound();
        }

        var question = await db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == session.Id, ct);
        return await AfterAsync(question is null ? "Dialogue.Error.QuestionGone" : await workflow.ApproveAsync(session, question, access.MemberId!, ct), ct);
    }

    public Task<IActionResult> OnPostHoldAsync(CancellationToken ct) => OrganiseAsync(s => closing.HoldAsync(s, ct), ct);

    public Task<IActionResult> OnPostCommitAsync([FromForm] long questionId, [FromForm] string? text, [FromForm] DateOnly? due, CancellationToken ct)
        => OrganiseAsync(async s =>
        {
            var question = await db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == s.Id, ct);
            return question is null ? "Dialogue.Error.QuestionGone" : await closing.CommitAsync(s, question, text, due, ct);
        }, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => OrganiseAsync(s => closing.PublishAsync(s, ct), ct);

    private DateTime Since => clock.GetUtcNow().UtcDateTime.AddDays(-90);

    private async Task<DialogueSession?> TrackedAsync(CancellationToken ct)
        => await (await access.InScope(db.DialogueSessions, s => s.UnitId, DialogueRoles.Readers, ct)).FirstOrDefaultAsync(s => s.Id == Id, ct);

    private async Task<IActionResult> OrganiseAsync(Func<DialogueSession, Task<string?>> act, CancellationToken ct)
    {
        var session = await TrackedAsync(ct);
        if (session is null || !await access.HoldsAsync(session.UnitId, DialogueRoles.Organisers, ct))
        {
            return NotFound();
        }

        return await AfterAsync(await act(session), ct);
    }

    private async Task<IActionResult> AfterAsync(string? errorKey, CancellationToken ct)
    {
        if (errorKey is null)
        {
            return Redirect($"/Dialogue/Details?id={Id}");
        }

        db.ChangeTracker.Clear();
        ErrorKey = errorKey;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var session = await (await access.InScope(db.DialogueSessions.AsNoTracking(), s => s.UnitId, DialogueRoles.Readers, ct)).FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (session is null)
        {
            return false;
        }

        Session = session;
        PlaceCode = await db.Units.AsNoTracking().Where(u => u.Id == session.UnitId).Select(u => u.Code).FirstOrDefaultAsync(ct);
        CanOrganise = await access.HoldsAsync(session.UnitId, DialogueRoles.Organisers, ct);
        CanApprove = await access.HoldsAsync(session.UnitId, DialogueRoles.Approvers, ct);
        Tiers = await workflow.TiersAsync(session, ct);
        var all = await db.DialogueQuestions.AsNoTracking().Where(q => q.SessionId == Id).OrderBy(q => q.Position ?? int.MaxValue).ThenBy(q => q.Id).ToListAsync(ct);
        Agencies = await DialogueQueries.AgenciesForAsync(db, session.UnitId, ct);
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        Questions = [];
        foreach (var q in all.Where(q => q.GroupId is null))
        {
            var members = all.Where(m => m.GroupId == q.Id).ToList();
            var approvals = q.Stage == QuestionStage.Drafted ? (await workflow.ValidApprovalsAsync(q, ct)).Count : 0;
            Questions.Add(new QuestionRow(q, q.Weight + members.Sum(m => m.Weight), members.Count, q.AgencyId is { } a ? names.GetValueOrDefault(a) : null, approvals));
        }

        Commitments = await db.DialogueCommitments.AsNoTracking().Where(c => c.SessionId == Id).OrderBy(c => c.Id).ToListAsync(ct);
        if (CanOrganise && session.Status == DialogueStatus.Collecting)
        {
            var added = all.Where(q => q.SourceKey is not null).Select(q => q.SourceKey!).ToHashSet(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                var items = (await source.SuggestAsync(session.UnitId, Since, 8, ct)).Where(i => !added.Contains(i.Kind + ":" + i.Key)).ToList();
                Suggestions.Add((source, items));
            }
        }

        return true;
    }
}
