using DuLuan.Data;
using DuLuan.Features.Bulletins.Audio;
using DuLuan.Infrastructure.Bulletins;
using DuLuan.Infrastructure.Text;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Bulletins;

/// <summary>
/// The demo's bulletin for today (morning) of a place, assembled from what the other demo seeds published, approved,
/// and rendered at once when espeak-ng and lame are installed; otherwise it waits in the queue and the demo says why.
/// </summary>
public static class BulletinsDemoSeed
{
    /// <summary>Seeds (once a day) and renders today's bulletin; returns a line for the console (both languages).</summary>
    public static async Task<string> EnsureAsync(IServiceProvider services, long unitId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var office = services.GetRequiredService<OfficeTime>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = office.Today;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Code }).SingleAsync(ct);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.UnitId == unitId && b.AirDate == today && b.Slot == BulletinSlot.Morning, ct);
        if (bulletin is null)
        {
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-BulletinWorkflow.SourceDays);
            var items = new List<BulletinSourceItem>();
            foreach (var source in services.GetServices<IBulletinSource>())
            {
                items.AddRange((await source.RecentAsync(unitId, since, 2, ct)).Where(i => i.Text.Length > 0));
            }

            var chosen = items.OrderBy(i => i.At).Take(5).ToList();
            var title = BulletinText.Title(BulletinSlot.Morning, today);
            var written = BulletinText.Written(unit.Name, BulletinSlot.Morning, today, chosen);
            var spoken = BulletinText.Spoken(written);
            var now = clock.GetUtcNow().UtcDateTime;
            bulletin = new Bulletin
            {
                UnitId = unitId,
                AirDate = today,
                Slot = BulletinSlot.Morning,
                Title = title,
                WrittenText = written,
                SpokenText = spoken,
                ContentHash = BulletinText.Hash(title, written, spoken),
                AuthorId = "demo",
                LastEditorId = "demo",
                Status = BulletinStatus.Approved,
                RenderState = RenderState.Queued,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Bulletins.Add(bulletin);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < chosen.Count; i++)
            {
                db.BulletinItems.Add(new BulletinItem { BulletinId = bulletin.Id, Position = i + 1, Kind = chosen[i].Kind, SourceId = chosen[i].Id, Title = chosen[i].Title.Length > 1000 ? chosen[i].Title[..1000] : chosen[i].Title, Link = chosen[i].Link });
            }

            await db.SaveChangesAsync(ct);
        }

        var renderer = services.GetRequiredService<AudioRenderer>();
        if (renderer.Problem is { } problem)
        {
            return new Message("Bulletins.Demo.NoAudio", problem).Both();
        }

        if (bulletin.RenderState != RenderState.Done)
        {
            await services.GetRequiredService<BulletinRenderJob>().RunOnceAsync("demo", ct);
        }

        var audio = await db.BulletinAudio.AsNoTracking().Where(a => a.BulletinId == bulletin.Id).Select(a => new { a.DurationMs, a.Lufs }).FirstOrDefaultAsync(ct);
        return audio is null
            ? new Message("Bulletins.Demo.NoAudio", (await db.Bulletins.AsNoTracking().Where(b => b.Id == bulletin.Id).Select(b => b.RenderError).SingleAsync(ct)) ?? "?").Both()
            : new Message("Bulletins.Demo.Rendered", BulletinText.Length(audio.DurationMs), VietnameseFormat.Number(audio.Lufs, 1), $"/cong/{unit.Code}/ban-tin/{bulletin.Id}").Both();
    }
}
