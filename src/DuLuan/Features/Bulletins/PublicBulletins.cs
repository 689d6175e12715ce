using DuLuan.Data;
using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>What residents and loudspeaker systems see: published bulletins of a place (a commune or province with an official code).</summary>
public sealed class PublicBulletins(AppDbContext db, TimeProvider clock)
{
    public const int FeedSize = 30;

    public sealed record Place(long Id, string Code, string Name)
    {
        public string Home => "/cong/" + Uri.EscapeDataString(Code);

        public string BulletinsPath => Home + "/ban-tin";
    }

    public sealed record Item(long Id, string Title, DateOnly AirDate, BulletinSlot Slot, DateTime PublishedAt, string WrittenText, int DurationMs, int Length);

    public Task<Place?> PlaceAsync(string? code, CancellationToken ct)
        => code?.Length is > 0 and <= 20
            ? db.Units.AsNoTracking().Where(u => u.Code == code && (u.Kind == UnitKind.Commune || u.Kind == UnitKind.Province))
                .Select(u => new Place(u.Id, u.Code!, u.Name)).FirstOrDefaultAsync(ct)
            : Task.FromResult<Place?>(null);

    /// <summary>Published bulletins of the place, newest air date first.</summary>
    public IQueryable<Item> Published(Place place, long? id = null, DateOnly? day = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Bulletins.AsNoTracking()
            .Where(b => b.UnitId == place.Id && b.PublishedAt != null && b.PublishedAt <= now && b.Status == BulletinStatus.Approved)
            .Where(b => (id == null || b.Id == id) && (day == null || b.AirDate == day))
            .Join(db.BulletinAudio, b => b.Id, a => a.BulletinId, (b, a) => new { b, a })
            .Where(x => x.a.ContentHash == x.b.ContentHash)
            .OrderByDescending(x => x.b.AirDate).ThenByDescending(x => x.b.Slot).ThenByDescending(x => x.b.Id)
            .Select(x => new Item(x.b.Id, x.b.Title, x.b.AirDate, x.b.Slot, x.b.PublishedAt!.Value, x.b.WrittenText, x.a.DurationMs, x.a.Mp3.Length));
    }

    public async Task<byte[]?> Mp3Async(Place place, long id, CancellationToken ct)
        => await Published(place, id).AnyAsync(ct)
            ? await db.BulletinAudio.AsNoTracking().Where(a => a.BulletinId == id).Select(a => a.Mp3).FirstOrDefaultAsync(ct)
            : null;

    public async Task<BulletinSchedule> ScheduleAsync(Place place, CancellationToken ct)
        => await db.BulletinSchedules.AsNoTracking().Where(s => s.UnitId == place.Id).FirstOrDefaultAsync(ct) ?? new BulletinSchedule { UnitId = place.Id };
}
