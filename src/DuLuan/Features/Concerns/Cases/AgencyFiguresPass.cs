using System.Data;
using DuLuan.Data;
using DuLuan.Features.Units;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// Computes the public agency figures of every place (each province and commune, each agency) in one read of the last
/// year's cases and stores them (<see cref="StoredAgencyFigures"/>), so the public page reads a few rows instead of a
/// place's year of cases. Each case counts at every province and commune on its unit's path, exactly as
/// <see cref="AgencyFigures.Compute"/> counts it over that place's subtree (the exact median: each place and agency
/// keeps its answer times). One runner at a time across instances: the pass holds the lease of the single
/// <see cref="AgencyFiguresState"/> row and writes only while it still holds it; the new figures replace the old ones
/// in one transaction, so the page reads either the old set or the new one.
/// </summary>
public sealed class AgencyFiguresPass(AppDbContext db, TimeProvider clock, IOptions<AgencyFiguresOptions> options)
{
    public const long StateId = 1;

    /// <summary>Longer than a pass takes at full size (seconds); a dead runner's lease frees the pass after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private static readonly LeaseColumns<AgencyFiguresState> Columns = new(s => s.Id, s => s.LeaseOwner, s => s.LeaseUntil);

    private sealed class Tally
    {
        public int Counted;
        public int OnTime;
        public List<TimeSpan> Durations { get; } = [];
    }

    /// <summary>
    /// One pass, unless another instance runs one or the last one is less than half an interval old; returns the number
    /// of places stored, or null when this instance did not run the pass.
    /// </summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct, string? instance = null)
    {
        instance ??= JobInstance.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var gap = options.Value.Interval / 2;
        var fresh = (DateTime?)(now - (gap > TimeSpan.Zero ? gap : TimeSpan.Zero));
        var claimed = await Leases.ClaimAsync(db.AgencyFiguresStates, Columns, s => s.Id == StateId && (s.ComputedAt == null || s.ComputedAt <= fresh), s => s.Id, 1, now, Lease, instance, ct);
        if (claimed.Count == 0)
        {
            return null;
        }

        try
        {
            var figures = await ComputeAllAsync(db, now, ct);
            return await StoreAsync(figures, now, instance, ct) ? figures.Count : null;
        }
        finally
        {
            await Leases.ReleaseAsync(db.AgencyFiguresStates, Columns, StateId, instance, CancellationToken.None);
        }
    }

    /// <summary>The figures of every province and commune at <paramref name="now"/>, by place id (places without an owed case included, empty).</summary>
    public static async Task<Dictionary<long, List<AgencyFigures>>> ComputeAllAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path, u.Kind }).ToListAsync(ct);
        var places = units.Where(u => u.Kind is UnitKind.Province or UnitKind.Commune).Select(u => u.Id).ToHashSet();

        // The places a case of each unit counts at: the provinces and communes on the unit's path, itself included.
        var placesOf = units.ToDictionary(
            u => u.Id,
            u => u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.TryParse(s, out var id) ? id : 0)
                .Where(places.Contains)
                .ToArray());
        var tallies = new Dictionary<(long Place, long Agency), Tally>();
        var since = now - AnsweredModel.Period;

        // Only the cases Compute counts (not rejected; answered or past their deadline): the same figures, fewer rows.
        var owed = db.Cases.AsNoTracking()
            .Where(c => c.AgencyId != null && c.CreatedAt >= since && c.Status != CaseStatus.Rejected && (c.AnsweredAt != null || c.DueAt < now))
            .Select(c => new { c.UnitId, Agency = c.AgencyId!.Value, c.CreatedAt, c.DueAt, c.AnsweredAt });
        await foreach (var c in owed.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!placesOf.TryGetValue(c.UnitId, out var at))
            {
                continue;
            }

            var onTime = c.AnsweredAt is { } answered && (c.DueAt is null || answered <= c.DueAt);
            TimeSpan? duration = c.AnsweredAt is { } a ? a - c.CreatedAt : null;
            foreach (var place in at)
            {
                if (!tallies.TryGetValue((place, c.Agency), out var tally))
                {
                    tallies[(place, c.Agency)] = tally = new Tally();
                }

                tally.Counted++;
                tally.OnTime += onTime ? 1 : 0;
                if (duration is { } d)
                {
                    tally.Durations.Add(d);
                }
            }
        }

        var result = places.ToDictionary(p => p, _ => new List<AgencyFigures>());
        foreach (var ((place, agency), tally) in tallies)
        {
            tally.Durations.Sort();
            result[place].Add(new AgencyFigures(agency, tally.Counted, tally.OnTime, AgencyFigures.Median(tally.Durations)));
        }

        return result;
    }

    private async Task<bool> StoreAsync(Dictionary<long, List<AgencyFigures>> figures, DateTime now, string instance, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var computedAt = (DateTime?)now;
        var still = await db.AgencyFiguresStates.Where(s => s.Id == StateId && s.LeaseOwner == instance)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ComputedAt, computedAt), ct);
        if (still != 1)
        {
            // The lease ran out and another instance took the pass over: its figures stand.
            return false;
        }

        await db.StoredAgencyFigures.ExecuteDeleteAsync(ct);
        await db.AgencyFiguresPlaces.ExecuteDeleteAsync(ct);
        await BulkInsert.RowsAsync(db, "agency_figures_places", [new("PlaceId", DbType.Int64)], figures.Keys.Order().Select(p => new object?[] { p }).ToList(), ct);
        await BulkInsert.RowsAsync(db, "agency_figures", [new("PlaceId", DbType.Int64), new("AgencyId", DbType.Int64), new("Counted", DbType.Int32), new("OnTime", DbType.Int32), new("MedianTicks", DbType.Int64)],
            figures.SelectMany(p => p.Value.Select(f => new object?[] { p.Key, f.AgencyId, f.Counted, f.OnTime, f.MedianToAnswer?.Ticks })).ToList(), ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
