using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Bulletins.Audio;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Bulletins;

/// <summary>
/// Makes the audio of approved bulletins in the background (a long bulletin takes a while): claims queued ones with a
/// lease (so of several instances one renders each), saves the progress after each piece for the page to show, stores
/// the MP3 and publishes the bulletin, or marks the render failed with the reason.
/// </summary>
public sealed partial class BulletinRenderJob(IServiceScopeFactory scopes, IOptions<BulletinAudioOptions> options, ILogger<BulletinRenderJob> logger)
    : RecurringJob(scopes, logger)
{
    private static readonly LeaseColumns<Bulletin> Columns = new(b => b.Id, b => b.LeaseOwner, b => b.LeaseUntil);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobSeconds);

    protected override bool RunAtStart => true;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => RunOnceAsync(JobInstance.Id, stoppingToken);

    /// <summary>One pass: renders every queued bulletin this instance can claim; returns how many were rendered.</summary>
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        List<long> claimed;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            claimed = await Leases.ClaimAsync(db.Bulletins, Columns, b => b.RenderState == RenderState.Queued, b => b.UpdatedAt, 5,
                clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(options.Value.LeaseSeconds), instance, ct,
                s => s.SetProperty(b => b.RenderState, RenderState.Rendering));
        }

        foreach (var id in claimed)
        {
            await RenderOneAsync(id, instance, ct);
        }

        return claimed.Count;
    }

    private async Task RenderOneAsync(long id, string instance, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<AudioRenderer>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var bulletin = await db.Bulletins.AsNoTracking().SingleAsync(b => b.Id == id, ct);
        var hash = bulletin.ContentHash;
        // Progress and the outcome are written only while the content is the one being rendered and the lease is ours.
        var mine = db.Bulletins.Where(b => b.Id == id && b.ContentHash == hash && b.LeaseOwner == instance);
        try
        {
            if (renderer.Problem is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            var audio = await renderer.RenderAsync(bulletin.SpokenText, p => mine.ExecuteUpdateAsync(s => s.SetProperty(b => b.RenderProgress, p), ct), ct);
            await using var transaction = await audit.BeginAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var updated = await mine.Where(b => b.Status == BulletinStatus.Approved).ExecuteUpdateAsync(
                s => s.SetProperty(b => b.RenderState, RenderState.Done).SetProperty(b => b.RenderProgress, 100)
                    .SetProperty(b => b.PublishedAt, now).SetProperty(b => b.LeaseOwner, (string?)null).SetProperty(b => b.LeaseUntil, (DateTime?)null),
                ct);
            if (updated == 1)
            {
                await db.BulletinAudio.Where(a => a.BulletinId == id).ExecuteDeleteAsync(ct);
                db.BulletinAudio.Add(new BulletinAudio
                {
                    BulletinId = id,
                    Mp3 = audio.Mp3,
                    DurationMs = (int)audio.Duration.TotalMilliseconds,
                    Lufs = Finite(audio.Lufs),
                    PeakDbfs = Finite(audio.PeakDbfs),
                    Engine = audio.Engine,
                    RenderMs = (int)audio.Took.TotalMilliseconds,
                    RenderedAt = now,
                    ContentHash = hash,
                });
                audit.Add(BulletinAudit.Published, bulletin.UnitId, BulletinWorkflow.Target(id), $"{audio.Engine} {audio.Duration.TotalSeconds:0}s {audio.Lufs:0.0} LUFS");
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogRenderFailed(Logger, id, e);
            var reason = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            await using var transaction = await audit.BeginAsync(CancellationToken.None);
            await mine.ExecuteUpdateAsync(
                s => s.SetProperty(b => b.RenderState, RenderState.Failed).SetProperty(b => b.RenderError, reason)
                    .SetProperty(b => b.LeaseOwner, (string?)null).SetProperty(b => b.LeaseUntil, (DateTime?)null),
                CancellationToken.None);
            audit.Add(BulletinAudit.RenderFailed, bulletin.UnitId, BulletinWorkflow.Target(id), reason);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    private static double Finite(double value) => double.IsFinite(value) ? Math.Round(value, 2) : -99;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulletin {Id}: audio failed")]
    private static partial void LogRenderFailed(ILogger logger, long id, Exception exception);
}
