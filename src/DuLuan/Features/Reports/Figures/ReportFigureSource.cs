using System.Globalization;
using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// Computes every figure of a unit's whole subtree for a period and the period before it: the summed measures of
/// both windows (<see cref="ReportTally"/>), then each capability's registered <see cref="IReportSection"/> in the
/// order of <see cref="ReportKeys.Sections.All"/>. Records count for the unit they were filed under, so a unit that
/// was merged away still counts, inside its old parent, for what happened before the merge; the notes say so.
/// </summary>
public sealed class ReportFigureSource(AppDbContext db, IEnumerable<IReportSection> sections, ReportTally tallies, ReportNotes notes, ReportZone office, TimeProvider clock) : IReportFigureSource
{
    private readonly TimeZoneInfo zone = office.Zone;

    public async Task<ReportFigures> ComputeAsync(long unitId, ReportPeriod period, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Unit {unitId} does not exist."));
        var now = clock.GetUtcNow();
        var (current, previous) = (Window(period, now.UtcDateTime), Window(period.Previous(), now.UtcDateTime));
        var context = new ReportSectionContext(
            unit, current, previous, await tallies.OfAsync(unit.Path, current, ct), await tallies.OfAsync(unit.Path, previous, ct), key => DrillLinks.Url(unit.Id, period, key));
        var computed = new List<ReportSection>();
        foreach (var section in Ordered(sections))
        {
            computed.Add(await section.ComputeAsync(context, ct));
        }

        var allNotes = new List<string>();
        allNotes.AddRange(await notes.ReorganisationAsync(unit, period, ct));
        allNotes.AddRange(ReportNotes.NoData(unit, period, computed));
        return new ReportFigures(unit.Id, unit.Name, unit.Code, period, computed, allNotes, now);
    }

    public ReportWindow Window(ReportPeriod period, DateTime nowUtc) => ReportWindow.Of(period.Start, period.End, zone, nowUtc);

    /// <summary>The sections in the report's order; one whose key is not listed comes last.</summary>
    public static IEnumerable<IReportSection> Ordered(IEnumerable<IReportSection> sections)
        => sections.OrderBy(s => Enumerable.Range(0, ReportKeys.Sections.All.Count).FirstOrDefault(i => ReportKeys.Sections.All[i] == s.Key, int.MaxValue));
}
