using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Jobs;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>
/// Progress of period-end generation in the member's subtrees: done of total, failures with their reason; and a form
/// that runs one unit's generation for an ended period now, without waiting for the scheduler.
/// </summary>
public sealed class RunsModel(AppDbContext db, ReportDraftAccess access, ReportRuns reportRuns, OfficeTime office) : PageModel
{
    public sealed record Row(long Id, string Unit, ReportRunStatus Status, int Attempts, string? Error, long? DraftId);

    public string? Period { get; private set; }

    public List<string> Periods { get; private set; } = [];

    public int Total { get; private set; }

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public List<Row> Problems { get; private set; } = [];

    /// <summary>Provinces and communes the member prepares reports for: the units a run can be started for.</summary>
    public List<Unit> StartUnits { get; private set; } = [];

    /// <summary>Periods that have ended, latest first: the quarters of the last year, and the half-year and year that ended with them.</summary>
    public List<ReportPeriod> EndedPeriods { get; private set; } = [];

    public static string Label(string code, IStringLocalizer l) => ReportPeriod.TryParse(code, out var period) ? period.Label.In(l) : code;

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        await LoadAsync(period, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(long? unitId, string? period, CancellationToken ct)
    {
        await LoadAsync(null, ct);
        var unit = StartUnits.FirstOrDefault(u => u.Id == unitId);
        if (unit is null)
        {
            return NotFound();
        }

        var index = EndedPeriods.FindIndex(p => p.Code == period);
        if (index < 0)
        {
            ModelState.AddModelError("period", "Reports.Runs.Error.Period");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var chosen = EndedPeriods[index];
        await reportRuns.StartAsync(unit.Id, chosen, JobInstance.Id, ct);
        return Redirect("/Reports/Drafts/Runs?period=" + Uri.EscapeDataString(chosen.Code));
    }

    private async Task LoadAsync(string? period, CancellationToken ct)
    {
        var writable = await access.UnitsAsync(ct);
        StartUnits = await writable.AsNoTracking().Where(u => (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune) && u.ActiveTo == null)
            .OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(200).ToListAsync(ct);
        EndedPeriods = Ended(office.Today);
        var units = writable.Select(u => u.Id);
        var runs = db.ReportRuns.AsNoTracking().Where(r => units.Contains(r.UnitId));
        Periods = await runs.Select(r => r.PeriodCode).Distinct().OrderByDescending(p => p).Take(20).ToListAsync(ct);
        Period = period is not null && Periods.Contains(period) ? period : Periods.FirstOrDefault();
        if (Period is null)
        {
            return;
        }

        var counts = await runs.Where(r => r.PeriodCode == Period).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Total = counts.Sum(c => c.Count);
        Done = counts.Where(c => c.Key == ReportRunStatus.Done).Sum(c => c.Count);
        Failed = counts.Where(c => c.Key == ReportRunStatus.Failed).Sum(c => c.Count);
        Problems = await runs.Where(r => r.PeriodCode == Period && r.Error != null).OrderBy(r => r.Id).Take(200)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new Row(r.Id, u.Name, r.Status, r.Attempts, r.Error, r.DraftId))
            .ToListAsync(ct);
    }

    private static List<ReportPeriod> Ended(DateOnly today)
    {
        var periods = ReportRuns.EndedPeriods(today);
        var quarter = periods[0];
        for (var i = 0; i < 3; i++)
        {
            quarter = quarter.Previous();
            periods.Add(quarter);
        }

        return periods.DistinctBy(p => p.Code).ToList();
    }
}
