using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The agency liaison's queue: cases waiting for an answer from the member's agencies, soonest deadline first.</summary>
public sealed class QueueModel(AppDbContext db, CaseResponder responder, UnitScope access) : PageModel
{
    public sealed record Row(long Id, string Title, string Agency, CaseStatus Status, Severity Severity, DateTime? DueAt, bool Overdue, bool RerouteAsked);

    public List<Row> Rows { get; private set; } = [];

    public List<(long Id, string Name)> LedAgencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cases = await responder.AgencyCasesAsync(ct);
        Rows = await cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.New || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Reopened)
            .OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(200)
            .Select(c => new Row(c.Id, c.Title, db.Units.Where(u => u.Id == c.AgencyId).Select(u => u.Name).First(), c.Status, c.Severity, c.DueAt, c.OverdueSince != null,
                db.RerouteRequests.Any(r => r.CaseId == c.Id && r.Decision == RerouteDecision.Pending)))
            .ToListAsync(ct);
        var led = await TemplatesModel.AgenciesLedAsync(access, ct);
        LedAgencies = (await led.OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        return Page();
    }
}
