using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The agency liaison's queue: cases waiting for an answer from the member's agencies, soonest deadline first.</summary>
public sealed class QueueModel(AppDbContext db, CaseResponder responder, UnitScope access) : PageModel
{
    public const int Size = 200;

    public sealed record Row(long Id, string Title, string Agency, CaseStatus Status, Severity Severity, DateTime? DueAt, bool Overdue, bool RerouteAsked);

    public List<Row> Rows { get; private set; } = [];

    public List<(long Id, string Name)> LedAgencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cases = (await responder.AgencyCasesAsync(ct)).AsNoTracking();
        var head = await QueueHeadAsync(cases, ct);
        var agencyIds = head.Select(c => c.AgencyId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => agencyIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var ids = head.Select(c => c.Id).ToList();
        var rerouteAsked = (await db.RerouteRequests.AsNoTracking().Where(r => ids.Contains(r.CaseId) && r.Decision == RerouteDecision.Pending).Select(r => r.CaseId).ToListAsync(ct)).ToHashSet();
        Rows = head.Select(c => new Row(c.Id, c.Title, names[c.AgencyId], c.Status, c.Severity, c.DueAt, c.Overdue, rerouteAsked.Contains(c.Id))).ToList();
        var led = await TemplatesModel.AgenciesLedAsync(access, ct);
        LedAgencies = (await led.OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        return Page();
    }

    private sealed record Head(long Id, string Title, long AgencyId, CaseStatus Status, Severity Severity, DateTime? DueAt, bool Overdue);

    /// <summary>
    /// The first <see cref="Size"/> open cases by deadline (then id), cases without a deadline last. Asked per open status, each
    /// walking the (Status, DueAt) index in order and stopping at <see cref="Size"/> rows, then merged: one query over the four
    /// statuses sorted every open case of the member's agencies first (2.4 s under load at a province with 160,000 open cases).
    /// </summary>
    private static async Task<List<Head>> QueueHeadAsync(IQueryable<Case> cases, CancellationToken ct)
    {
        var found = new List<Head>();
        foreach (var status in new[] { CaseStatus.New, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened })
        {
            found.AddRange(await Project(cases.Where(c => c.Status == status && c.DueAt != null).OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(Size)).ToListAsync(ct));
        }

        var ordered = found.OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(Size).ToList();
        if (ordered.Count < Size)
        {
            var undated = cases.Where(c => (c.Status == CaseStatus.New || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Reopened) && c.DueAt == null);
            ordered.AddRange(await Project(undated.OrderBy(c => c.Id).Take(Size - ordered.Count)).ToListAsync(ct));
        }

        return ordered;
    }

    private static IQueryable<Head> Project(IQueryable<Case> cases)
        => cases.Select(c => new Head(c.Id, c.Title, c.AgencyId!.Value, c.Status, c.Severity, c.DueAt, c.OverdueSince != null));
}
