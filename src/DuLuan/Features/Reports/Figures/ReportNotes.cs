using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>What a reader must know to read the figures: units re-organised inside the period, sections without data.</summary>
public sealed class ReportNotes(AppDbContext db)
{
    private const int MaxNotes = 50;

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

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
            var verb = group.Count() == 1 ? "s\u00e1p nh\u1eadp v\u00e0o" : "\u0111\u01b0\u1ee3c chia v\u00e0o";
            var what = (fromInside, inside.Count > 0) switch
            {
                (true, true) => $"s\u1ed1 li\u1ec7u \u0111\u1ebfn h\u1ebft {Date(day.AddDays(-1))} \u0111\u01b0\u1ee3c t\u00ednh cho {first.From}, t\u1eeb {Date(day)} cho {names}.",
                (true, false) => $"b\u00e1o c\u00e1o n\u00e0y ch\u1ec9 t\u00ednh s\u1ed1 li\u1ec7u c\u1ee7a {first.From} \u0111\u1ebfn h\u1ebft {Date(day.AddDays(-1))}.",
                _ => $"s\u1ed1 li\u1ec7u c\u1ee7a {first.From} tr\u01b0\u1edbc ng\u00e0y n\u00e0y kh\u00f4ng t\u00ednh v\u00e0o {unit.Name}.",
            };
            notes.Add($"{first.From} {verb} {names} t\u1eeb {Date(day)}: {what}");
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
                notes.Add($"{u.Name} ng\u1eebng ho\u1ea1t \u0111\u1ed9ng t\u1eeb {Date(to.AddDays(1))}: s\u1ed1 li\u1ec7u \u0111\u1ebfn h\u1ebft {Date(to)} \u0111\u01b0\u1ee3c t\u00ednh cho {u.Name}.");
            }

            if (u.ActiveFrom > period.Start && u.ActiveFrom <= period.End)
            {
                var from = steps.Where(s => s.SuccessorId == u.Id && s.EffectiveOn == u.ActiveFrom).Select(s => s.From).ToList();
                notes.Add(successors.Contains(u.Id) && from.Count > 0
                    ? $"{u.Name} \u0111\u01b0\u1ee3c th\u00e0nh l\u1eadp t\u1eeb {Date(u.ActiveFrom)} (t\u1eeb {string.Join(", ", from)}): s\u1ed1 li\u1ec7u tr\u01b0\u1edbc ng\u00e0y n\u00e0y thu\u1ed9c c\u00e1c \u0111\u01a1n v\u1ecb c\u0169."
                    : $"{u.Name} b\u1eaft \u0111\u1ea7u ho\u1ea1t \u0111\u1ed9ng t\u1eeb {Date(u.ActiveFrom)}: s\u1ed1 li\u1ec7u tr\u01b0\u1edbc ng\u00e0y n\u00e0y kh\u00f4ng thu\u1ed9c {u.Name}.");
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
            return [$"Kh\u00f4ng c\u00f3 s\u1ed1 li\u1ec7u c\u1ee7a {unit.Name} trong {period.VietnameseLabel}: c\u00e1c ch\u1ec9 ti\u00eau \u0111\u1ec1u b\u1eb1ng 0."];
        }

        return sections.Where(Empty).Select(s => $"M\u1ee5c \u201c{s.Title}\u201d: kh\u00f4ng c\u00f3 s\u1ed1 li\u1ec7u trong {period.VietnameseLabel}.").ToList();
    }
}
