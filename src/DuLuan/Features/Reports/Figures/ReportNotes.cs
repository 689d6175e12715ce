using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Reporting;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>What a reader must know to read the figures: units re-organised inside the period, sections without data.</summary>
public sealed class ReportNotes(AppDbContext db)
{
    private const int MaxNotes = 50;

    public static string Date(DateOnly day) => VietnameseFormat.ShortDate(day);

    /// <summary>
    /// Re-organisations that took effect inside the period (not on its first day) and touch the subtree, by name.
    /// Records stay with the unit they were filed under, so a merged unit's records before the merge count for it
    /// (and its ancestors), not for its successor. Without a succession row, <see cref="Unit.ActiveTo"/> (the last
    /// active day) and <see cref="Unit.ActiveFrom"/> say when a unit ended or began.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReorganisationAsync(Unit unit, ReportPeriod period, CancellationToken ct)
    {
        var prefix = unit.Path;
        var steps = await db.UnitSuccessions.AsNoTracking()
            .Where(s => s.EffectiveOn > period.Start && s.EffectiveOn <= period.End)
            .Where(s => s.Unit!.Path.StartsWith(prefix) || s.Successor!.Path.StartsWith(prefix))
            .Select(s => new { s.UnitId, From = s.Unit!.Name, FromPath = s.Unit.Path, s.SuccessorId, To = s.Successor!.Name, ToPath = s.Successor.Path, s.EffectiveOn })
            .OrderBy(s => s.EffectiveOn).ThenBy(s => s.FromPath)
            .Take(MaxNotes * 4)
            .ToListAsync(ct);
        var notes = new List<string>();
        foreach (var group in steps.GroupBy(s => (s.UnitId, s.EffectiveOn)))
        {
            var first = group.First();
            var day = first.EffectiveOn;
            var fromInside = first.FromPath.StartsWith(prefix, StringComparison.Ordinal);
            var inside = group.Where(s => s.ToPath.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var names = string.Join(", ", group.Select(s => s.To));
            var verb = group.Count() == 1 ? "Reports.Notes.Merged" : "Reports.Notes.Split";
            var what = (fromInside, inside.Count > 0) switch
            {
                (true, true) => ReportWords.Of("Reports.Notes.BothInside", Date(day.AddDays(-1)), first.From, Date(day), names),
                (true, false) => ReportWords.Of("Reports.Notes.FromInside", first.From, Date(day.AddDays(-1))),
                _ => ReportWords.Of("Reports.Notes.FromOutside", first.From, unit.Name),
            };
            notes.Add(ReportWords.Of(verb, first.From, names, Date(day), what));
        }

        var named = steps.Select(s => s.UnitId).ToHashSet();
        var successors = steps.Select(s => s.SuccessorId).ToHashSet();
        var changed = await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(prefix))
            .Where(u => (u.ActiveTo >= period.Start && u.ActiveTo < period.End) || (u.ActiveFrom > period.Start && u.ActiveFrom <= period.End))
            .OrderBy(u => u.Path)
            .Take(MaxNotes)
            .ToListAsync(ct);
        foreach (var u in changed)
        {
            if (u.ActiveTo is { } to && to >= period.Start && to < period.End && !named.Contains(u.Id))
            {
                notes.Add(ReportWords.Of("Reports.Notes.Ended", u.Name, Date(to.AddDays(1)), Date(to)));
            }

            // A unit that began inside the period is worth a note only when it was formed from other units: every unit
            // created in DuLuan (the official list's import, a new team) also "begins" on the day it was added, and
            // records could not belong anywhere else before.
            if (u.ActiveFrom > period.Start && u.ActiveFrom <= period.End)
            {
                var from = steps.Where(s => s.SuccessorId == u.Id && s.EffectiveOn == u.ActiveFrom).Select(s => s.From).ToList();
                if (successors.Contains(u.Id) && from.Count > 0)
                {
                    notes.Add(ReportWords.Of("Reports.Notes.Formed", u.Name, Date(u.ActiveFrom), string.Join(", ", from)));
                }
            }
        }

        return notes.Take(MaxNotes).ToList();
    }

    /// <summary>A note for the whole report when nothing happened, else one per section without data.</summary>
    public static IReadOnlyList<string> NoData(Unit unit, ReportPeriod period, IReadOnlyList<ReportSection> sections)
    {
        static bool Empty(ReportSection s) => s.Figures.All(f => f.Value is null or 0);
        if (sections.All(Empty))
        {
            return [ReportWords.Of("Reports.Notes.NoData", unit.Name, period.Label)];
        }

        return sections.Where(Empty).Select(s => ReportWords.Of("Reports.Notes.SectionEmpty", s.Title, period.Label)).ToList();
    }
}
