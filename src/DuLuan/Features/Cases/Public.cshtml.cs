using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Cases;

/// <summary>
/// The public page of a case: redacted text, status history and the answer, never personal data.
/// A resident who finds the matter not resolved reopens it, and the responsible unit is told.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Concerns.ConcernsServices.PortalPolicy)]
public sealed class PublicModel(AppDbContext db, CaseWorkflow workflow, TimeProvider clock) : PageModel
{
    public const string ReopenNote = "Người dân báo chưa được giải quyết";

    public sealed record Step(DateTime At, CaseStatus Status, string? Reason);

    public Case Case { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public string? AgencyName { get; private set; }

    public List<Step> History { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Reopened { get; set; }

    public bool CanReopen => Case.Status is CaseStatus.Answered or CaseStatus.Closed;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (CanReopen)
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
            if (await workflow.MoveAsync(tracked, CaseStatus.Reopened, ReopenNote, tracked.Version, ct))
            {
                db.Notifications.Add(new Notification
                {
                    UnitId = tracked.AgencyId ?? tracked.UnitId,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    Text = $"Vụ việc #{tracked.Id} được người dân mở lại: chưa được giải quyết.",
                });
                await db.SaveChangesAsync(ct);
                return Redirect($"/vu-viec/{id}?reopened=1");
            }
        }

        return Redirect($"/vu-viec/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var item = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Case = item;
        UnitName = await db.Units.Where(u => u.Id == item.UnitId).Select(u => u.Name).FirstAsync(ct);
        AgencyName = await db.Units.Where(u => u.Id == item.AgencyId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        // Only public reasons leave the office: why a case was rejected or reopened, not internal notes or re-route requests.
        History = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id && !e.RerouteRequested).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new Step(e.At, e.Status, e.Status == CaseStatus.Rejected || e.Status == CaseStatus.Reopened ? e.Note : null))
            .ToListAsync(ct);
        return true;
    }
}
