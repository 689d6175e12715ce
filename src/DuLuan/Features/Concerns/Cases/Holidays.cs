using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>The holiday list and the working calendar built from it.</summary>
public sealed class Holidays(AppDbContext db, IOptions<WorkingHoursOptions> options, OfficeTime office, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Solar-calendar holidays of the Labour Code (2019, art. 112): New Year, Reunification Day,
    /// Labour Day, National Day and one adjacent day (1/9 is assumed; the government fixes it yearly).
    /// Tết and the Hùng Kings' day follow the lunar calendar: see <see cref="LunarDates"/>.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> FixedDates(int year) =>
    [
        (new DateOnly(year, 1, 1), new Message("Cases.Holiday.NewYear").Vietnamese),
        (new DateOnly(year, 4, 30), new Message("Cases.Holiday.Reunification").Vietnamese),
        (new DateOnly(year, 5, 1), new Message("Cases.Holiday.Labour").Vietnamese),
        (new DateOnly(year, 9, 1), new Message("Cases.Holiday.NationalAdjacent").Vietnamese),
        (new DateOnly(year, 9, 2), new Message("Cases.Holiday.National").Vietnamese),
    ];

    /// <summary>
    /// Lunar-calendar holidays of the Labour Code computed for <paramref name="year"/> (Vietnam's calendar, UTC+7):
    /// five days of Tết (the last day of the old year and the first four of the new one; the government may move
    /// them, and the admin adds compensatory days) and Giỗ Tổ Hùng Vương (10/3), each with its name's string key.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, string NameKey)> LunarDates(int year)
    {
        var tet = LunarCalendar.LunarNewYear(year);
        return
        [
            (tet.AddDays(-1), "Cases.Holidays.Name.TetEve"),
            (tet, "Cases.Holidays.Name.Tet1"),
            (tet.AddDays(1), "Cases.Holidays.Name.Tet2"),
            (tet.AddDays(2), "Cases.Holidays.Name.Tet3"),
            (tet.AddDays(3), "Cases.Holidays.Name.Tet4"),
            (LunarCalendar.HungKingsDay(year), "Cases.Holidays.Name.HungKings"),
        ];
    }

    /// <summary>
    /// The working calendar of a place: national holidays and the days off of every unit above it (its province);
    /// with no place, national holidays only.
    /// </summary>
    public async Task<WorkingCalendar> CalendarAsync(long? unitId = null, CancellationToken cancellationToken = default)
    {
        var above = new List<long>();
        if (unitId is { } id && await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken) is { } path)
        {
            above = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        var dates = await db.Holidays.AsNoTracking()
            .Where(h => h.UnitId == null || above.Contains(h.UnitId.Value))
            .Select(h => h.Date).Distinct().ToListAsync(cancellationToken);
        return new(options.Value, dates, office.Zone);
    }

    /// <summary>Adds the national holidays of <paramref name="year"/> that are missing, solar and lunar; returns how many were added.</summary>
    public async Task<int> SeedFixedAsync(int year, CancellationToken cancellationToken = default)
    {
        var dates = FixedDates(year).Concat(LunarDates(year).Select(d => (d.Date, Name: l[d.NameKey].Value))).OrderBy(d => d.Date).ToList();
        var from = dates[0].Date;
        var to = dates[^1].Date;
        var existing = await db.Holidays.Where(h => h.UnitId == null && h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(cancellationToken);
        var missing = dates.Where(d => !existing.Contains(d.Date)).ToList();
        db.Holidays.AddRange(missing.Select(d => new Holiday { Date = d.Date, Name = d.Name }));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
