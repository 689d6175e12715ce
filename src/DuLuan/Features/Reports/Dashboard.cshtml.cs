using DuLuan.Features.Reports.Drafts;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports;

/// <summary>Every figure of a unit's subtree for a period against the previous one; each number links to its records.</summary>
[ReportWords.InReaderLanguage]
public sealed class DashboardModel(DashboardQuery query, IReportFigureSource figures, ReportDraftAccess drafts) : PageModel
{
    /// <summary>Editors, leads and admins of the shown unit: they may open its templates page.</summary>
    public bool CanOpenTemplates { get; private set; }

    /// <summary>Members who prepare reports anywhere: they may follow period-end generation.</summary>
    public bool CanOpenRuns { get; private set; }

    public ReportFigures? Figures { get; private set; }

    public ReportPeriod Period { get; private set; }

    public Unit? Unit { get; private set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<ReportPeriod> Periods { get; private set; } = [];

    public string? Field { get; private set; }

    public Message? Error { get; private set; }

    public bool Empty => Figures is not null && Figures.Sections.All(s => s.Figures.All(f => f.Value is null or 0) && s.Figures.All(f => f.Previous is null or 0));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await query.ReadAsync(Request.Query, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        Period = outcome.Period;
        Periods = query.Choices();
        var scope = await query.UnitsAsync(ct);
        Units = await scope.AsNoTracking()
            .Where(u => u.ActiveTo == null && (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune || u.ParentId == null))
            .OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(500).ToListAsync(ct);
        if (outcome.Error is not null)
        {
            Field = outcome.Field;
            Error = outcome.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Unit = outcome.Unit!;
        if (Units.All(u => u.Id != Unit.Id))
        {
            Units = [Unit, .. Units];
        }

        var writable = await drafts.UnitsAsync(ct);
        CanOpenRuns = await writable.AnyAsync(ct);
        CanOpenTemplates = CanOpenRuns && await writable.AnyAsync(u => u.Id == Unit.Id, ct);
        Figures = await figures.ComputeAsync(Unit.Id, Period, ct);
        return Page();
    }
}
