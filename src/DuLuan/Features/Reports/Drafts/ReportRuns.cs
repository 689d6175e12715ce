using DuLuan.Data;
using DuLuan.Features.Reports.Documents;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Jobs;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>
/// Period-end generation: plans one run per reporting unit and period (a unique index makes planning idempotent
/// across instances), claims runs with a conditional UPDATE lease as posts are claimed, generates the draft and
/// tells the unit that it is ready.
/// </summary>
public sealed class ReportRuns(AppDbContext db, ReportGenerator generator, IOptions<ReportOptions> options, TimeProvider clock)
{
    public const int MaxAttempts = 3;

    /// <summary>Periods that have ended by <paramref name="today"/> and are due: the last quarter, and the half-year and year when they end with it.</summary>
    public static List<ReportPeriod> EndedPeriods(DateOnly today)
    {
        var quarter = ReportPeriod.QuarterOf(today).Previous();
        var periods = new List<ReportPeriod> { quarter };
        if (quarter.Number == 2)
        {
            periods.Add(ReportPeriod.Half(quarter.Year, 1));
        }
        else if (quarter.Number == 4)
        {
            periods.Add(ReportPeriod.Half(quarter.Year, 2));
            periods.Add(ReportPeriod.OfYear(quarter.Year));
        }

        return periods;
    }

    /// <summary>Adds the missing runs of <paramref name="period"/> for provinces and communes active in it; returns how many were added.</summary>
    public async Task<int> PlanAsync(ReportPeriod period, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var units = await db.Units.AsNoTracking()
                .Where(u => (u.Kind == UnitKind.Province || u.Kind == UnitKind.Commune) && u.ActiveFrom <= period.End && (u.ActiveTo == null || u.ActiveTo >= period.Start))
                .Select(u => u.Id).ToListAsync(ct);
            var planned = await db.ReportRuns.AsNoTracking().Where(r => r.PeriodCode == period.Code).Select(r => r.UnitId).ToListAsync(ct);
            var missing = units.Except(planned).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            db.ReportRuns.AddRange(missing.Select(id => new ReportRun { PeriodCode = period.Code, UnitId = id, Status = ReportRunStatus.Pending, CreatedAt = now }));
            try
            {
                await db.SaveChangesAsync(ct);
                return missing.Count;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < 3)
            {
                // Another instance planned the same period at the same moment: its rows stand, add what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Runs one unit's period-end generation now (a member's "start" on the runs page, the demo): adds its run if the
    /// period has none for the unit, claims it under the same lease the scheduler uses and generates the draft. A run
    /// already done, or held by another instance, is left as it is.
    /// </summary>
    public async Task<ReportRunStatus?> StartAsync(long unitId, ReportPeriod period, string instance, CancellationToken ct)
    {
        var code = period.Code;
        if (!await db.ReportRuns.AnyAsync(r => r.PeriodCode == code && r.UnitId == unitId, ct))
        {
            db.ReportRuns.Add(new ReportRun { PeriodCode = code, UnitId = unitId, Status = ReportRunStatus.Pending, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await Leases.ClaimAsync(
            db.ReportRuns,
            Lease,
            r => r.PeriodCode == code && r.UnitId == unitId && r.Status != ReportRunStatus.Done,
            r => r.Id,
            1,
            now,
            TimeSpan.FromSeconds(options.Value.LeaseSeconds),
            instance,
            ct,
            s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1));
        return claimed.Count == 0 ? null : await RunAsync(claimed[0], instance, ct);
    }

    private static readonly LeaseColumns<ReportRun> Lease = new(r => r.Id, r => r.LeaseOwner, r => r.LeaseUntil);

    public Task<List<long>> ClaimAsync(int max, string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Leases.ClaimAsync(
            db.ReportRuns,
            Lease,
            r => r.Status == ReportRunStatus.Pending,
            r => r.Id,
            max,
            now,
            TimeSpan.FromSeconds(options.Value.LeaseSeconds),
            instance,
            ct,
            s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1));
    }

    /// <summary>Generates the claimed run's draft and notifies its unit; a failure is kept with its reason.</summary>
    public async Task<ReportRunStatus> RunAsync(long runId, string instance, CancellationToken ct)
    {
        var run = await db.ReportRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var period = ReportPeriod.Parse(run.PeriodCode);
            var draft = await generator.CreateDraftAsync(run.UnitId, period, options.Value.ScheduledLayout, null, null, ct);
            db.Notifications.Add(Notification.Of(run.UnitId, new Message("Reports.Runs.Ready", period.Label, draft.Id, period.Code), now));
            await db.SaveChangesAsync(ct);
            await db.ReportRuns.Where(r => r.Id == runId && r.LeaseOwner == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Done).SetProperty(r => r.DraftId, draft.Id).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, (string?)null).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null), ct);
            return ReportRunStatus.Done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = run.Attempts >= MaxAttempts;
            var error = e.Message.Length > 900 ? e.Message[..900] : e.Message;
            await db.ReportRuns.Where(r => r.Id == runId && r.LeaseOwner == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, failed ? ReportRunStatus.Failed : ReportRunStatus.Pending).SetProperty(r => r.Error, error)
                    .SetProperty(r => r.FinishedAt, failed ? now : null).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, now.AddMinutes(5)), ct);
            return failed ? ReportRunStatus.Failed : ReportRunStatus.Pending;
        }
    }
}
