using System.Globalization;
using DuLuan.Features.Audit;
using DuLuan.Features.Reports.Figures;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports;

/// <summary>The records behind one figure of the dashboard, paged; every read is audited (the drill-down is the audit trail).</summary>
[ReportWords.InReaderLanguage]
public sealed class DrillModel(DashboardQuery query, DrillSource drills, ReportFigureSource source, AuditLog audit, TimeProvider clock, Members.UnitScope scope) : PageModel
{
    public const int PageSize = 50;
    public const string AuditAction = ReportAudit.DrillViewed;

    public Units.Unit? Unit { get; private set; }

    public ReportPeriod Period { get; private set; }

    public string? Key { get; private set; }

    public string? Title { get; private set; }

    public int Total { get; private set; }

    public long? Sum { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<DrillRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public string? Field { get; private set; }

    public Message? Error { get; private set; }


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanReadOpinions = await scope.HasAnyAsync(Members.RoleTable.ReadOpinionReports.Roles, ct);
        var outcome = await query.ReadAsync(Request.Query, ct);
        if (outcome.Error is null && !Request.Query.ContainsKey("unit"))
        {
            return Fail("unit", new Message("Reports.Drill.UnitMissing"));
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Error is not null)
        {
            return Fail(outcome.Field!, outcome.Error);
        }

        Unit = outcome.Unit!;
        Period = outcome.Period;
        var keys = Request.Query["key"];
        if (keys.Count != 1 || string.IsNullOrEmpty(keys[0]) || keys[0]!.Length > DrillSource.MaxKeyLength)
        {
            return Fail("key", new Message("Reports.Drill.KeyMissing"));
        }

        if (Request.Query.TryGetValue("page", out var pages))
        {
            if (pages.Count != 1 || pages[0] is not { Length: > 0 and <= 6 } p || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return Fail("page", new Message("Reports.Drill.PageNumber"));
            }

            PageNumber = n;
        }

        var window = source.Window(Period, clock.GetUtcNow().UtcDateTime);
        var list = drills.Find(Unit.Path, window, keys[0]!);
        if (list is null)
        {
            return Fail("key", new Message("Reports.Drill.NoFigure"));
        }

        Key = list.Key;
        Title = list.Title;
        Total = await list.Rows.CountAsync(ct);
        if (list.SumAsync is { } sum)
        {
            Sum = await sum(ct);
        }

        Rows = await list.Rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Rows.Select(r => r.UnitId).Distinct().ToList();
        UnitNames = await (await query.UnitsAsync(ct)).AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        await audit.WriteAsync(AuditAction, Unit.Id, Key, string.Create(CultureInfo.InvariantCulture, $"{Period.Code} page {PageNumber}: {Rows.Count} of {Total}"), ct);
        return Page();
    }

    /// <summary>The page of a row's record, or null when its kind has none.</summary>
    /// <summary>A row's page, unless the member may not open it (an opinion report is read by editors, leads and admins only).</summary>
    public string? Link(DrillRow row) => drills.Link(row) is { } link && (CanReadOpinions || !link.StartsWith("/Opinions/", StringComparison.Ordinal)) ? link : null;

    public bool CanReadOpinions { get; private set; }

    private PageResult Fail(string field, Message error)
    {
        Field = field;
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
