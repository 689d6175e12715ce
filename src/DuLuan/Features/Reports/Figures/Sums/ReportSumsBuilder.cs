using DuLuan.Data;
using DuLuan.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>
/// Builds the monthly sums from the records: after the upgrade that adds them, after the time zone setting changes,
/// or on demand. Other writers wait for it (PostgreSQL table lock; SQLite's single writer), so no save is counted
/// twice or missed; until it commits, figures are counted from the records.
/// </summary>
public sealed class ReportSumsBuilder(AppDbContext db, IEnumerable<IMonthlySumSource> sources, ReportZone office, TimeProvider clock, ILogger<ReportSumsBuilder> log)
{
    private readonly TimeZoneInfo zone = office.Zone;

    /// <summary>Rebuilds unless the sums are already built for the configured zone (or <paramref name="force"/>). Returns the counters written, or null when nothing was needed.</summary>
    public async Task<int?> EnsureAsync(bool force, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE report_month_sums, report_sums_state IN EXCLUSIVE MODE", ct);
        }

        // On SQLite this write takes the database's write lock before anything is read.
        await db.ReportMonthSums.Where(s => s.UnitId < 0).ExecuteDeleteAsync(ct);
        var state = await db.ReportSumsStates.FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (!force && state?.TimeZone == zone.Id)
        {
            return null;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await db.ReportMonthSums.ExecuteDeleteAsync(ct);
        var sums = new Dictionary<SumKey, long>();
        foreach (var source in sources)
        {
            await source.AddAllAsync(db, zone, sums, ct);
        }

        await SumWriter.AddAsync(db, sums, ct);
        if (state is null)
        {
            db.ReportSumsStates.Add(new ReportSumsState { Id = 1, TimeZone = zone.Id, BuiltAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            state.TimeZone = zone.Id;
            state.BuiltAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Report sums rebuilt for time zone {Zone}: {Counters} counters in {Seconds:F1} s", zone.Id, sums.Count, watch.Elapsed.TotalSeconds);
        return sums.Count;
    }
}

/// <summary>Builds the sums in the background at start-up when they are missing or cut for another time zone.</summary>
public sealed class ReportSumsStartup(IServiceScopeFactory scopes, ILogger<ReportSumsStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReportSumsBuilder>().EnsureAsync(force: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Figures stay correct (counted from the records); the next start tries again.
            log.LogWarning(e, "Report sums could not be built; figures are counted from the records until the next start");
        }
    }
}
