using DuLuan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>Progress of period-end generation in the member's subtrees: done of total, failures with their reason.</summary>
public sealed class RunsModel(AppDbContext db, ReportDraftAccess access) : PageModel
{
    public sealed record Row(long Id, string Unit, ReportRunStatus Status, int Attempts, string? Error, long? DraftId);

    public string? Period { get; private set; }

    public List<string> Periods { get; private set; } = [];

    public int Total { get; private set; }

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public List<Row> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        var units = (await access.UnitsAsync(ct)).Select(u => u.Id);
        var runs = db.ReportRuns.AsNoTracking().Where(r => units.Contains(r.UnitId));
        Periods = await runs.Select(r => r.PeriodCode).Distinct().OrderByDescending(p => p).Take(20).ToListAsync(ct);
        Period = period is not null && Periods.Contains(period) ? period : Periods.FirstOrDefault();
        if (Period is null)
        {
            return Page();
        }

        var counts = await runs.Where(r => r.PeriodCode == Period).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Total = counts.Sum(c => c.Count);
        Done = counts.Where(c => c.Key == ReportRunStatus.Done).Sum(c => c.Count);
        Failed = counts.Where(c => c.Key == ReportRunStatus.Failed).Sum(c => c.Count);
        Problems = await runs.Where(r => r.PeriodCode == Period && r.Error != null).OrderBy(r => r.Id).Take(200)
            .Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new Row(r.Id, u.Name, r.Status, r.Attempts, r.Error, r.DraftId))
            .ToListAsync(ct);
        return Page();
    }
}
