using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Opinions;

public enum Trend
{
    New,
    Rising,
    Steady,
    Falling,
}

/// <summary>One topic across the communes of a subtree for a period.</summary>
public sealed record BriefingRow(
    string Topic,
    int Communes,
    int Reports,
    int Streams,
    Tendency DominantTendency,
    double MeanIntensity,
    Spread WidestSpread,
    OpinionSources Sources,
    Trend Trend,
    int PreviousStreams,
    double? PreviousMeanIntensity);

public sealed record Briefing(long UnitId, string UnitName, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, int Communes, int Reports, IReadOnlyList<BriefingRow> Topics, IReadOnlyList<string> Faded);

/// <summary>
/// Rolls streams up by topic (folded name, so the same topic listed by two communes is one row) across
/// the subtree, and compares each topic with the previous period of equal length: its weight is the sum
/// of intensities, so more communes or stronger feeling both count as rising.
/// </summary>
public sealed class Briefings(AppDbContext db)
{
    private sealed record Row(string Name, string Folded, long UnitId, long ReportId, Tendency Tendency, int Intensity, Spread Spread, OpinionSources Sources);

    public async Task<Briefing> BuildAsync(Unit unit, ReportingPeriod period, CancellationToken ct)
    {
        var current = await RowsAsync(unit, period, ct);
        var previousPeriod = period.Previous();
        var previous = (await RowsAsync(unit, previousPeriod, ct)).GroupBy(r => r.Folded, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var topics = current.GroupBy(r => r.Folded, StringComparer.Ordinal).Select(g =>
        {
            var rows = g.ToList();
            previous.TryGetValue(g.Key, out var before);
            var weight = rows.Sum(r => r.Intensity);
            var beforeWeight = before?.Sum(r => r.Intensity) ?? 0;
            var trend = before is null ? Trend.New : weight > beforeWeight ? Trend.Rising : weight < beforeWeight ? Trend.Falling : Trend.Steady;
            return new BriefingRow(
                rows.GroupBy(r => r.Name, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                rows.Select(r => r.UnitId).Distinct().Count(),
                rows.Select(r => r.ReportId).Distinct().Count(),
                rows.Count,
                rows.GroupBy(r => r.Tendency).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).First().Key,
                Math.Round(rows.Average(r => r.Intensity), 1),
                rows.Max(r => r.Spread),
                rows.Aggregate(OpinionSources.None, (all, r) => all | r.Sources),
                trend,
                before?.Count ?? 0,
                before is null ? null : Math.Round(before.Average(r => r.Intensity), 1));
        })
        .OrderByDescending(t => t.Communes)
        .ThenByDescending(t => t.MeanIntensity)
        .ThenBy(t => t.Topic, StringComparer.Ordinal)
        .ToList();
        var currentKeys = current.Select(r => r.Folded).ToHashSet(StringComparer.Ordinal);
        var faded = previous.Where(p => !currentKeys.Contains(p.Key)).Select(p => p.Value[0].Name).Order(StringComparer.Ordinal).ToList();
        return new Briefing(unit.Id, unit.Name, period.Start, period.End, previousPeriod.Start, previousPeriod.End,
            current.Select(r => r.UnitId).Distinct().Count(), current.Select(r => r.ReportId).Distinct().Count(), topics, faded);
    }

    private async Task<List<Row>> RowsAsync(Unit unit, ReportingPeriod period, CancellationToken ct)
    {
        var prefix = unit.Path;
        return await (
            from r in db.OpinionReports.AsNoTracking()
            join u in db.Units on r.UnitId equals u.Id
            where u.Path.StartsWith(prefix) && r.PeriodStart >= period.Start && r.PeriodStart <= period.End
            from s in r.Streams
            select new Row(s.Topic!.Name, s.Topic.NameFolded, r.UnitId, r.Id, s.Tendency, s.Intensity, s.Spread, s.Sources))
            .ToListAsync(ct);
    }
}
