using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// "Follow my concern" (theo dõi phản ánh): the resident types the follow-up code they were given and sees the progress
/// and, once answered, can reopen the case. The code travels only in the form body; nothing is kept about who asked
/// (no cookie, no stored address). A wrong code gets the same plain answer whatever the reason; attempts are rate-limited.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ConcernsServices.FollowUpPolicy)]
[RequestSizeLimit(8 * 1024)]
[RequestFormLimits(ValueLengthLimit = 1024, ValueCountLimit = 5)]
public sealed class FollowUpModel(AppDbContext db, CaseWorkflow workflow) : PageModel
{
    /// <summary>The follow-up page of a place (any place's page finds any code: the code, not the address, is the secret).</summary>
    public static string PathFor(string unitCode) => "/cong/" + Uri.EscapeDataString(unitCode) + "/theo-doi";

    public sealed record Progress(string Title, DateTime ReceivedAt, ConcernStatus ConcernStatus, string? CaseRef, CaseStatus? CaseStatus, string? Answer, DateTime? AnsweredAt, string? Location)
    {
        public bool CanReopen => CaseStatus is { } status && CaseWorkflow.ResidentCanReopen(status);
    }

    /// <summary>Echoed back only as the formatted code of a match, never as typed.</summary>
    public string? Code { get; private set; }

    public Progress? Found { get; private set; }

    public string? ErrorKey { get; private set; }

    public bool Reopened { get; private set; }

    /// <summary>The public steps of the case (as on its public page: reasons only for rejecting and reopening).</summary>
    public List<(DateTime At, CaseStatus Status)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
        => await PlaceExistsAsync(unitCode, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string unitCode, [FromForm] string? code, CancellationToken ct)
    {
        if (!await PlaceExistsAsync(unitCode, ct))
        {
            return NotFound();
        }

        await FindAsync(code, ct);
        return Answer();
    }

    public async Task<IActionResult> OnPostReopenAsync(string unitCode, [FromForm] string? code, CancellationToken ct)
    {
        if (!await PlaceExistsAsync(unitCode, ct))
        {
            return NotFound();
        }

        var concernId = await FindAsync(code, ct);
        if (concernId is null || Found is not { CanReopen: true })
        {
            return Answer();
        }

        var caseId = await db.Concerns.Where(c => c.Id == concernId).Select(c => c.CaseId).SingleAsync(ct);
        var tracked = await db.Cases.SingleAsync(c => c.Id == caseId, ct);
        Reopened = await workflow.ReopenByResidentAsync(tracked, ct);
        await FindAsync(code, ct);
        return Answer();
    }

    private Task<bool> PlaceExistsAsync(string? unitCode, CancellationToken ct)
        => unitCode?.Length is > 0 and <= 20 ? db.Units.AnyAsync(u => u.Code == unitCode, ct) : Task.FromResult(false);

    private PageResult Answer()
    {
        Response.Headers.CacheControl = "no-store";
        if (ErrorKey is not null)
        {
            Response.StatusCode = ErrorKey == "FollowUp.Error.Format" ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
        }

        return Page();
    }

    private async Task<long?> FindAsync(string? typed, CancellationToken ct)
    {
        var normalized = FollowUpCode.Normalize(typed);
        if (normalized is null)
        {
            ErrorKey = "FollowUp.Error.Format";
            return null;
        }

        var hash = FollowUpCode.Hash(normalized);
        var match = await db.ConcernFollowUps.AsNoTracking().Where(f => f.CodeHash == hash).Select(f => new { f.ConcernId, f.CodeHash }).FirstOrDefaultAsync(ct);
        if (match is null || !FollowUpCode.Same(match.CodeHash, hash))
        {
            ErrorKey = "FollowUp.Error.NotFound";
            return null;
        }

        Code = FollowUpCode.Format(normalized);
        Found = await db.Concerns.AsNoTracking().Where(c => c.Id == match.ConcernId)
            .Select(c => new Progress(c.Title, c.ReceivedAt, c.Status,
                db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.PublicRef).FirstOrDefault(),
                db.Cases.Where(k => k.Id == c.CaseId).Select(k => (CaseStatus?)k.Status).FirstOrDefault(),
                db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.Answer).FirstOrDefault(),
                db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.AnsweredAt).FirstOrDefault(),
                c.Location))
            .SingleAsync(ct);
        var caseId = await db.Concerns.Where(c => c.Id == match.ConcernId).Select(c => c.CaseId).SingleAsync(ct);
        var steps = caseId is null ? [] : await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && !e.RerouteRequested)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new { e.At, e.Status }).ToListAsync(ct);
        History = steps.Select(s => (s.At, s.Status)).ToList();
        return match.ConcernId;
    }
}
