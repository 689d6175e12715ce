using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Units;

/// <summary>
/// Whether a unit still takes new records: after its last active day (<see cref="Unit.ActiveTo"/>, in the office's
/// time zone) nothing new may be filed under it. Every entry point that lets staff or residents choose a unit asks
/// here, and the refusal names the successor: "Xã A đã sáp nhập vào Phường B từ 01/07/2025; hãy chọn Phường B".
/// </summary>
public sealed class UnitActivity(AppDbContext db, OfficeTime office, IStringLocalizer<SharedResource> l)
{
    /// <summary>Today in the office's time zone.</summary>
    public DateOnly Today => office.Today;

    /// <summary>Units still active on <paramref name="day"/> (their last day not before it): what pickers offer.</summary>
    public static IQueryable<Unit> ActiveOn(IQueryable<Unit> units, DateOnly day) => units.Where(u => u.ActiveTo == null || u.ActiveTo >= day);

    public IQueryable<Unit> Active(IQueryable<Unit> units) => ActiveOn(units, Today);

    public bool IsRetired(Unit unit) => unit.ActiveTo is { } last && last < Today;

    /// <summary>Null while the unit takes records; else why not, in the request's language, naming its successor(s).</summary>
    public async Task<string?> RefusalAsync(Unit unit, CancellationToken ct) => (await RefusalMessageAsync(unit, ct))?.In(l);

    /// <summary>Null while the unit takes records; else why not, naming its successor(s).</summary>
    public async Task<Message?> RefusalMessageAsync(Unit unit, CancellationToken ct)
    {
        if (!IsRetired(unit))
        {
            return null;
        }

        var from = Day(unit.ActiveTo!.Value.AddDays(1));
        var successors = await db.UnitSuccessions.AsNoTracking().Where(s => s.UnitId == unit.Id)
            .OrderBy(s => s.Successor!.NameFolded).Select(s => s.Successor!.Name).Take(20).ToListAsync(ct);
        if (successors.Count == 0)
        {
            return new Message("Units.Retired.Closed", unit.Name, from);
        }

        var names = string.Join(", ", successors);
        return new Message(successors.Count == 1 ? "Units.Retired.Merged" : "Units.Retired.Split", unit.Name, names, from);
    }

    /// <summary>The refusal for a unit id, or null when the id is not a retired unit (unknown ids are the caller's 404).</summary>
    public async Task<string?> RefusalAsync(long unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        return unit is null ? null : await RefusalAsync(unit, ct);
    }

    private static string Day(DateOnly day) => UnitReorganisation.Day(day);
}
