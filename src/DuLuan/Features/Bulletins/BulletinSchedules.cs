using System.Globalization;
using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>The morning and evening broadcast times of a place (defaults 06:00 and 17:00, office time).</summary>
public sealed class BulletinSchedules(AppDbContext db, UnitScope scope, AuditLog audit)
{
    public sealed record Error(string Field, string Key);

    public async Task<BulletinSchedule> OfAsync(long unitId, CancellationToken ct)
        => await db.BulletinSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unitId, ct) ?? new BulletinSchedule { UnitId = unitId };

    public async Task<Error?> SetAsync(long unitId, string? morning, string? evening, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId && u.Code != null, ct) || !await scope.HoldsAsync(unitId, BulletinRoles.Writers, ct))
        {
            return new Error("unitId", "Bulletins.Error.Unit");
        }

        if (Minute(morning) is not { } m || m >= 12 * 60)
        {
            return new Error("morning", "Bulletins.Error.Morning");
        }

        if (Minute(evening) is not { } e || e < 12 * 60)
        {
            return new Error("evening", "Bulletins.Error.Evening");
        }

        var row = await db.BulletinSchedules.FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
        if (row is null)
        {
            row = new BulletinSchedule { UnitId = unitId };
            db.BulletinSchedules.Add(row);
        }

        row.MorningMinute = m;
        row.EveningMinute = e;
        audit.Add(BulletinAudit.ScheduleChanged, unitId, "unit:" + unitId.ToString(CultureInfo.InvariantCulture), $"{Clock(m)} {Clock(e)}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Minutes after midnight as "HH:mm".</summary>
    public static string Clock(int minute) => (minute / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minute % 60).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The minute a slot airs.</summary>
    public static int MinuteOf(BulletinSchedule schedule, BulletinSlot slot) => slot == BulletinSlot.Morning ? schedule.MorningMinute : schedule.EveningMinute;

    private static int? Minute(string? text)
        => TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute : null;
}
