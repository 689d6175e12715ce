using System.Globalization;
using DuLuan.Features.Members;
using DuLuan.Features.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Opinions;

/// <summary>
/// The monthly-meeting briefing: streams of a unit's subtree rolled up by topic for a period (last
/// month by default), with the trend against the previous period of equal length. Printable; the
/// Json handler gives the same figures.
/// </summary>
public sealed class BriefingModel(UnitScope access, Briefings briefings, Cadences cadences, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public List<Unit> Units { get; private set; } = [];

    public Briefing? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? unitId, CancellationToken ct)
    {
        var outcome = await BuildAsync(unitId, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(long? unitId, CancellationToken ct)
    {
        var outcome = await BuildAsync(unitId, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        if (Error is not null)
        {
            return BadRequest(new ValidationProblemDetails(new Dictionary<string, string[]> { ["period"] = [Error] }));
        }

        return new JsonResult(Result, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        });
    }

    /// <summary>Null when the unit is outside the member's readable subtrees (404).</summary>
    private async Task<bool?> BuildAsync(long? unitId, CancellationToken ct)
    {
        var scope = await access.UnitsAsync(OpinionRoles.Readers, ct);
        Units = await scope.AsNoTracking().Where(u => u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune || u.ParentId == null)
            .OrderBy(u => u.Depth).ThenBy(u => u.Name).Take(500).ToListAsync(ct);
        var unit = unitId is { } id ? await scope.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : Units.FirstOrDefault();
        if (unit is null)
        {
            return null;
        }

        var lastMonth = ReportingPeriod.Month(ReportingPeriod.Month(cadences.Today()).Start.AddDays(-1));
        From ??= NewModel.Iso(lastMonth.Start);
        To ??= NewModel.Iso(lastMonth.End);
        if (!DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from || new ReportingPeriod(from, to).Days > OpinionLimits.MaxPeriodDays || from.Year < 2000)
        {
            Error = l["Opinions.Briefing.BadPeriod", OpinionLimits.MaxPeriodDays];
            Result = null;
            return false;
        }

        Result = await briefings.BuildAsync(unit, new ReportingPeriod(from, to), ct);
        return true;
    }
}
