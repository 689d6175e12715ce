using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Units;

/// <summary>One "unit → successor from this day" step of a merge (many → one) or a split (one → many).</summary>
public sealed record SuccessionStep(long UnitId, long SuccessorId, DateOnly EffectiveOn, int Line = 0);

/// <summary>Why a step (or a CSV cell) was refused, naming the field; <see cref="Line"/> is 0 outside a file.</summary>
public sealed record SuccessionError(int Line, string Field, Message Text)
{
    public string Vi => Text.Vietnamese;

    public string En => Text.English;

    public override string ToString() => (Line > 0 ? new Message("Units.Succession.ErrorAt", Line, Field, Text) : Text).Both();
}

/// <summary>
/// Records a re-organisation: rows in <c>unit_successions</c> and the retired unit's last active day
/// (<see cref="Unit.ActiveTo"/> = effective date − 1), in one transaction with the audit entries, or nothing at all.
/// Only admins of an ancestor of the retiring unit may record it, and every unit named must lie in their subtrees.
/// </summary>
public sealed class UnitReorganisation(AppDbContext db, UnitScope scope, AuditLog audit)
{
    public const string AuditAction = AuditActions.UnitSuccession;

    /// <summary>Units the member may retire: strictly below a unit where they hold <see cref="Permission.ManageUnits"/>.</summary>
    public async Task<bool> CanRetireAsync(Unit unit, CancellationToken ct)
        => (await scope.PathsAsync(Permission.ManageUnits, ct)).Any(p => unit.Path.StartsWith(p, StringComparison.Ordinal) && unit.Path != p);

    /// <summary>Units the member may name as successors (their manageable subtrees).</summary>
    public Task<IQueryable<Unit>> ManageableAsync(CancellationToken ct) => scope.UnitsAsync(Permission.ManageUnits, ct);

    /// <summary>Predecessors (units that passed to this one) and successors of <paramref name="unitId"/>, with dates.</summary>
    public async Task<(List<(Unit Unit, DateOnly On)> Predecessors, List<(Unit Unit, DateOnly On)> Successors)> LinksAsync(long unitId, CancellationToken ct)
    {
        var before = await db.UnitSuccessions.AsNoTracking().Where(s => s.SuccessorId == unitId)
            .Select(s => new { s.Unit, s.EffectiveOn }).ToListAsync(ct);
        var after = await db.UnitSuccessions.AsNoTracking().Where(s => s.UnitId == unitId)
            .Select(s => new { s.Successor, s.EffectiveOn }).ToListAsync(ct);
        return (
            before.OrderBy(x => x.EffectiveOn).ThenBy(x => x.Unit!.NameFolded, StringComparer.Ordinal).Select(x => (x.Unit!, x.EffectiveOn)).ToList(),
            after.OrderBy(x => x.EffectiveOn).ThenBy(x => x.Successor!.NameFolded, StringComparer.Ordinal).Select(x => (x.Successor!, x.EffectiveOn)).ToList());
    }

    /// <summary>
    /// Checks every step against the database and the batch itself; stores all of them or none. Units outside the
    /// member's scope are reported by <paramref name="notFound"/> (the page answers 404; the import says "unknown").
    /// </summary>
    public async Task<IReadOnlyList<SuccessionError>> RecordAsync(IReadOnlyList<SuccessionStep> steps, string via, Func<SuccessionStep, bool, SuccessionError> notFound, CancellationToken ct)
    {
        var errors = new List<SuccessionError>();
        if (steps.Count == 0)
        {
            errors.Add(new(0, "ma_don_vi_cu", new Message("Units.Succession.Nothing")));
            return errors;
        }

        var ids = steps.SelectMany(s => new[] { s.UnitId, s.SuccessorId }).Distinct().ToList();
        var manage = await scope.PathsAsync(Permission.ManageUnits, ct);
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        bool InScope(Unit u) => manage.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal));
        bool Retirable(Unit u) => manage.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal) && u.Path != p);

        var retiringIds = steps.Select(s => s.UnitId).Distinct().ToList();
        var existing = await db.UnitSuccessions.AsNoTracking().Where(s => retiringIds.Contains(s.UnitId)).ToListAsync(ct);
        var firstDate = new Dictionary<long, SuccessionStep>();
        var seen = new Dictionary<(long, long), SuccessionStep>();
        var checkedSteps = new List<SuccessionStep>();
        foreach (var step in steps)
        {
            if (!units.TryGetValue(step.UnitId, out var unit) || !Retirable(unit))
            {
                errors.Add(notFound(step, false));
                continue;
            }

            if (!units.TryGetValue(step.SuccessorId, out var successor) || !InScope(successor))
            {
                errors.Add(notFound(step, true));
                continue;
            }

            if (seen.TryGetValue((step.UnitId, step.SuccessorId), out var twin))
            {
                errors.Add(new(step.Line, "ma_don_vi_moi", new Message("Units.Succession.Duplicate", twin.Line, unit.Name, successor.Name)));
                continue;
            }

            seen[(step.UnitId, step.SuccessorId)] = step;
            if (firstDate.TryGetValue(step.UnitId, out var other) && other.EffectiveOn != step.EffectiveOn)
            {
                errors.Add(new(step.Line, "ngay_hieu_luc", new Message("Units.Succession.OtherDate", unit.Name, Day(other.EffectiveOn), other.Line)));
                continue;
            }

            firstDate.TryAdd(step.UnitId, step);
            checkedSteps.Add(step);
        }

        // The batch's retirements decide who is still active on each date (a chain A → B → C is fine, a cycle is not).
        var activeTo = units.Values.ToDictionary(u => u.Id, u => u.ActiveTo);
        foreach (var (unitId, step) in firstDate)
        {
            activeTo[unitId] = step.EffectiveOn.AddDays(-1);
        }

        foreach (var step in checkedSteps)
        {
            var unit = units[step.UnitId];
            var successor = units[step.SuccessorId];
            var day = step.EffectiveOn;
            if (successor.Id == unit.Id)
            {
                errors.Add(new(step.Line, "ma_don_vi_moi", new Message("Units.Succession.Itself", unit.Name)));
            }
            else if (successor.Path.StartsWith(unit.Path, StringComparison.Ordinal))
            {
                errors.Add(new(step.Line, "ma_don_vi_moi", new Message("Units.Succession.Below", successor.Name, unit.Name)));
            }
            else if (successor.ActiveFrom > day || activeTo[successor.Id] < day)
            {
                errors.Add(new(step.Line, "ma_don_vi_moi", activeTo[successor.Id] is { } to
                    ? new Message("Units.Succession.InactiveUntil", successor.Name, Day(day), Day(successor.ActiveFrom), Day(to))
                    : new Message("Units.Succession.Inactive", successor.Name, Day(day), Day(successor.ActiveFrom))));
            }

            if (day < unit.ActiveFrom)
            {
                errors.Add(new(step.Line, "ngay_hieu_luc", new Message("Units.Succession.BeforeStart", Day(day), unit.Name, Day(unit.ActiveFrom))));
            }

            var earlier = existing.Where(e => e.UnitId == unit.Id).ToList();
            if (earlier.FirstOrDefault(e => e.EffectiveOn != day) is { } before)
            {
                errors.Add(new(step.Line, "ngay_hieu_luc", new Message("Units.Succession.AlreadyOther", unit.Name, Day(before.EffectiveOn))));
            }
            else if (earlier.Any(e => e.SuccessorId == successor.Id))
            {
                errors.Add(new(step.Line, "ma_don_vi_moi", new Message("Units.Succession.AlreadyRecorded", unit.Name, successor.Name, Day(day))));
            }
            else if (earlier.Count == 0 && unit.ActiveTo is { } ended && ended != day.AddDays(-1))
            {
                errors.Add(new(step.Line, "ngay_hieu_luc", new Message("Units.Succession.AlreadyEnded", unit.Name, Day(ended.AddDays(1)), Day(ended))));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            db.UnitSuccessions.Add(new UnitSuccession { UnitId = step.UnitId, SuccessorId = step.SuccessorId, EffectiveOn = step.EffectiveOn });
            var unit = units[step.UnitId];
            unit.ActiveTo = step.EffectiveOn.AddDays(-1);
            audit.Add(AuditAction, unit.Id, $"unit:{unit.Id}", $"successor={step.SuccessorId};effective={step.EffectiveOn:yyyy-MM-dd};via={via}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy or yyyy-MM-dd, nothing else.</summary>
    public static bool TryParseDay(string? text, out DateOnly day)
        => DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
