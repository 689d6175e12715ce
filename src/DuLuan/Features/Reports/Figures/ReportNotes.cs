using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures;

/// <summary>What a reader must know to read the figures: units re-organised inside the period, sections without data.</summary>
public sealed class ReportNotes(AppDbContext db)
{
    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Units of the subtree that ended or began inside the period. <see cref="Unit.ActiveTo"/> is the last day a unit
    /// was active, so its records up to that day stay with it (and with its ancestors); later ones go to its successor.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReorganisationAsync(Unit unit, ReportPeriod period, CancellationToken ct)
    {
        var prefix = unit.Path;
        var changed = await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(prefix))
            .Where(u => (u.ActiveTo >= period.Start && u.ActiveTo < period.End) || (u.ActiveFrom > period.Start && u.ActiveFrom <= period.End))
            .OrderBy(u => u.Path)
            .Take(50)
            .ToListAsync(ct);
        var notes = new List<string>();
        foreach (var u in changed)
        {
            if (u.ActiveTo is { } to && to >= period.Start && to < period.End)
            {
                notes.Add($"{u.Name} ng\u1eebng ho\u1ea1t \u0111\u1ed9ng t\u1eeb {Date(to.AddDays(1))}: s\u1ed1 li\u1ec7u \u0111\u1ebfn h\u1ebft {Date(to)} \u0111\u01b0\u1ee3c t\u00ednh cho {u.Name}.");
            }

            if (u.ActiveFrom > period.Start && u.ActiveFrom <= period.End)
            {
                notes.Add($"{u.Name} b\u1eaft \u0111\u1ea7u ho\u1ea1t \u0111\u1ed9ng t\u1eeb {Date(u.ActiveFrom)}: s\u1ed1 li\u1ec7u tr\u01b0\u1edbc ng\u00e0y n\u00e0y kh\u00f4ng thu\u1ed9c {u.Name}.");
            }
        }

        return notes;
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
