using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>Start page: the communes the member files for, their recent reports, and links to briefings.</summary>
public sealed class IndexModel(AppDbContext db, UnitScope access, UnitActivity activity) : PageModel
{
    public sealed record Row(long Id, string Unit, DateOnly Start, DateOnly End, DateTime SubmittedAt, int Streams);

    public List<Unit> FilingUnits { get; private set; } = [];

    public List<Row> Recent { get; private set; } = [];

    public bool CanBrief { get; private set; }

    public bool IsLead { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FilingUnits = await activity.Active(await OpinionRoles.FilingUnitsAsync(access, ct)).AsNoTracking().OrderBy(u => u.Name).Take(200).ToListAsync(ct);
        var me = access.MemberId ?? string.Empty;
        Recent = await db.OpinionReports.AsNoTracking().Where(r => r.MemberId == me)
            .OrderByDescending(r => r.SubmittedAt).Take(20)
            .Select(r => new Row(r.Id, db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).First(), r.PeriodStart, r.PeriodEnd, r.SubmittedAt, r.Streams.Count))
            .ToListAsync(ct);
        CanBrief = await access.HasAnyAsync(OpinionRoles.Readers, ct);
        IsLead = await access.HasAnyAsync(OpinionRoles.Leads, ct);
        return Page();
    }
}
