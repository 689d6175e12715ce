using System.Collections.Concurrent;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>
/// The public agency figures of each place (<see cref="AgencyFigures"/> over the place's last year of cases), computed
/// at most once per <see cref="Lifetime"/> per place and process. A busy province's year is hundreds of thousands of
/// cases: counting them on every anonymous request made the public page slow and an easy way to load the server.
/// Concurrent requests share one computation; once the figures are older than the lifetime, the next request still gets
/// them at once and starts one recomputation in the background (its own scope), so only a place's first request waits.
/// </summary>
public sealed partial class AgencyFiguresCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgencyFiguresCache> log)
{
    /// <summary>How old the published figures may be: they cover a year, so minutes do not change what they say.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private sealed class Entry(Task<List<AgencyFigures>> figures, DateTime startedAt)
    {
        public Task<List<AgencyFigures>> Figures { get; } = figures;

        public DateTime StartedAt { get; } = startedAt;

        /// <summary>1 while a recomputation of these figures runs.</summary>
        public int Refreshing;
    }

    private readonly ConcurrentDictionary<long, Entry> places = new();

    public async Task<List<AgencyFigures>> OfAsync(long placeId, string placePath, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = places.GetOrAdd(placeId, _ => Start(placeId, placePath, now));
        if (entry.Figures.IsCompletedSuccessfully && now - entry.StartedAt >= Lifetime && Interlocked.Exchange(ref entry.Refreshing, 1) == 0)
        {
            var next = Start(placeId, placePath, now);
            _ = next.Figures.ContinueWith(
                t =>
                {
                    if (!t.IsCompletedSuccessfully || !places.TryUpdate(placeId, next, entry))
                    {
                        Volatile.Write(ref entry.Refreshing, 0);
                    }
                },
                TaskScheduler.Default);
        }

        try
        {
            return await entry.Figures.WaitAsync(ct);
        }
        catch (Exception) when (entry.Figures.IsFaulted)
        {
            // The next request computes again rather than reading a failure for the whole lifetime.
            places.TryRemove(new KeyValuePair<long, Entry>(placeId, entry));
            throw;
        }
    }

    private Entry Start(long placeId, string placePath, DateTime now) => new(Task.Run(() => ComputeAsync(placeId, placePath)), now);

    private async Task<List<AgencyFigures>> ComputeAsync(long placeId, string placePath)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await ComputeAsync(db, placePath, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFailed(log, placeId, e);
            throw;
        }
    }

    /// <summary>The figures straight from the records of the place's subtree.</summary>
    public static async Task<List<AgencyFigures>> ComputeAsync(AppDbContext db, string placePath, DateTime now, CancellationToken ct)
    {
        var since = now - AnsweredModel.Period;
        var times = await db.Cases.AsNoTracking()
            .Where(c => c.AgencyId != null && c.CreatedAt >= since && db.Units.Any(u => u.Id == c.UnitId && u.Path.StartsWith(placePath)))
            .Select(c => new AgencyFigures.CaseTimes(c.AgencyId!.Value, c.Status, c.CreatedAt, c.DueAt, c.AnsweredAt))
            .ToListAsync(ct);
        return AgencyFigures.Compute(times, now);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Public agency figures of place {PlaceId} could not be computed")]
    private static partial void LogFailed(ILogger logger, long placeId, Exception exception);
}
