using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

/// <summary>A stored report as saved (redacted), with a notice of what kinds of personal data were removed.</summary>
public sealed class ReportModel(AppDbContext db, UnitScope access) : PageModel
{
    public OpinionReport Report { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public bool Saved { get; private set; }

    public List<RedactionKind> Removed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, int? saved, CancellationToken ct)
    {
        var readable = await OpinionRoles.ReadableReportsAsync(db, access, ct);
        var report = await readable.AsNoTracking().Include(r => r.Streams).ThenInclude(s => s.Topic).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        report.Streams.Sort((a, b) => a.Id.CompareTo(b.Id));
        UnitName = await db.Units.Where(u => u.Id == report.UnitId).Select(u => u.Name).SingleAsync(ct);
        Saved = saved == 1;
        Removed = report.Streams.Where(s => s.Redacted is not null)
            .SelectMany(s => s.Redacted!.Split(','))
            .Select(StreamValidator.ParseName<RedactionKind>)
            .OfType<RedactionKind>()
            .Distinct()
            .Order()
            .ToList();
        return Page();
    }
}
