using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>
/// Computes every figure of a unit's whole subtree for a period and the period before it, straight from the
/// records (see <see cref="FigureQueries"/>). Records count for the unit they were filed under, so a unit that
/// was merged away still counts, inside its old parent, for what happened before the merge; the notes say so.
/// </summary>
public sealed partial class ReportFigureSource(AppDbContext db, FigureQueries queries, ReportNotes notes, Sums.ReportSums sums, ReportZone office, TimeProvider clock) : IReportFigureSource
{
    private readonly TimeZoneInfo zone = office.Zone;

    public async Task<ReportFigures> ComputeAsync(long unitId, ReportPeriod period, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Unit {unitId} does not exist."));
        var now = clock.GetUtcNow();
        var (current, previous) = (Window(period, now.UtcDateTime), Window(period.Previous(), now.UtcDateTime));
        var context = new Context(unit, current, previous, await TallyAsync(unit.Path, current, ct), await TallyAsync(unit.Path, previous, ct));
        var sections = new List<ReportSection>
        {
            await OpinionsAsync(context, ct),
            await ConcernsAsync(context, ct),
            await SurveysAsync(context, ct),
            await PublishAsync(context, ct),
            await ClaimsAsync(context, ct),
            await MonitoringAsync(context, ct),
        };
        var allNotes = new List<string>();
        allNotes.AddRange(await notes.ReorganisationAsync(unit, period, ct));
        allNotes.AddRange(ReportNotes.NoData(unit, period, sections));
        return new ReportFigures(unit.Id, unit.Name, unit.Code, period, sections, allNotes, now);
    }

    public ReportWindow Window(ReportPeriod period, DateTime nowUtc) => ReportWindow.Of(period, zone, nowUtc);

    private sealed record Context(Unit Unit, ReportWindow Current, ReportWindow Previous, Tally Now, Tally Before)
    {
        public string Prefix => Unit.Path;

        public string Drill(string key) => DrillLinks.Url(Unit.Id, Current.Period, key);
    }

    private const string KyNay = "Kỳ này";
    private const string KyTruoc = "Kỳ trước";

    private static Figure Count(Context c, string key, string label, long value, long previous)
        => new(key, label, value, previous, FigureKind.Count, c.Drill(key));

    private static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
