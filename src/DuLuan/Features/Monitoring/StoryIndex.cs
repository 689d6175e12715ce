using System.Collections.Concurrent;
using DuLuan.Analysis.Text;
using DuLuan.Data;
using DuLuan.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Monitoring;

/// <summary>
/// Per-unit near-duplicate index over the last <see cref="WindowDays"/> days of articles, kept in memory and topped
/// up from the stored signatures of articles this instance has not seen (by id), so restarts and other instances
/// agree on which story an article joins. An article joins a story only when its text is close enough and its
/// <see cref="StoryFacts"/> (places, dates, amounts, publication days) do not contradict the story's. An article whose
/// text names no date is dated by its stored publication time as the office's local day (<see cref="Facts"/>), so a
/// top-up after a restart, or another instance, computes the same facts and the same stories.
/// Callers hold <see cref="LockAsync"/> for a unit while they assign.
/// </summary>
public sealed class StoryIndex(TimeProvider clock, OfficeTime office)
{
    public const int WindowDays = 14;

    public const double Threshold = 0.4;

    private readonly ConcurrentDictionary<long, UnitState> units = new();

    public static readonly MinHasher Hasher = new();

    public async Task<IDisposable> LockAsync(long unitId, CancellationToken ct)
    {
        var state = units.GetOrAdd(unitId, _ => new UnitState());
        await state.Gate.WaitAsync(ct);
        return new Release(state.Gate);
    }

    /// <summary>Adds articles stored since the last call (by this or another instance). Caller holds the unit's lock.</summary>
    public async Task TopUpAsync(AppDbContext db, long unitId, CancellationToken ct)
    {
        var state = units.GetOrAdd(unitId, _ => new UnitState());
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-WindowDays);
        while (true)
        {
            var watermark = state.Watermark;
            var rows = await db.Articles.AsNoTracking()
                .Where(a => a.UnitId == unitId && a.Id > watermark && a.FetchedAt >= since)
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.StoryId, a.Signature, a.Title, a.Text, a.PublishedAt })
                .Take(5000)
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (state.Known.Add(row.Id))
                {
                    state.Add(ToSignature(row.Signature), Facts(row.Title, row.Text, row.PublishedAt), row.StoryId);
                }

                state.Watermark = row.Id;
            }
            if (rows.Count < 5000)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Adds a new article's signature and returns the story it joins, or null when it starts one; the caller then
    /// gives the article's story with <see cref="Fill"/> before the next probe. Caller holds the unit's lock.
    /// </summary>
    public long? Probe(long unitId, uint[] signature, StoryFacts facts) => units.GetOrAdd(unitId, _ => new UnitState()).Probe(signature, facts);

    /// <summary>The facts of an article's title and text (without its publication day).</summary>
    public static StoryFacts FactsOf(string title, string text) => StoryFacts.Of(title + "\n" + text);

    /// <summary>
    /// The facts an article is grouped by, from what it stores: title, text and publication time, read as the office's
    /// local day (so every instance, and every top-up after a restart, computes the same).
    /// </summary>
    public StoryFacts Facts(string title, string text, DateTime publishedAtUtc) => FactsOf(title, text).On(office.LocalDay(publishedAtUtc));

    public void Fill(long unitId, long storyId) => units.GetOrAdd(unitId, _ => new UnitState()).Fill(storyId);

    /// <summary>Marks stored article ids as already in the index so a top-up does not add them twice.</summary>
    public void MarkKnown(long unitId, IEnumerable<long> articleIds)
    {
        var state = units.GetOrAdd(unitId, _ => new UnitState());
        foreach (var id in articleIds)
        {
            state.Known.Add(id);
        }
    }

    /// <summary>Drops a unit's state (after a failed transaction); the next top-up rebuilds it from the database.</summary>
    public void Forget(long unitId)
    {
        if (units.TryGetValue(unitId, out var state))
        {
            state.Reset();
        }
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        }

        return bytes;
    }

    public static uint[] ToSignature(byte[] bytes)
    {
        var signature = new uint[bytes.Length / 4];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return signature;
    }

    private sealed class UnitState
    {
        private NearDuplicateIndex index = new(Threshold, Hasher);

        private List<long> storyOfDocument = [];

        // The newest story each cluster fed, so a rewrite weeks later that began a new story keeps feeding that one.
        private Dictionary<int, long> latestOfCluster = [];

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HashSet<long> Known { get; private set; } = [];

        public long Watermark { get; set; }

        public void Add(uint[] signature, StoryFacts facts, long storyId)
        {
            var cluster = index.Add(signature, facts);
            storyOfDocument.Add(storyId);
            if (!latestOfCluster.TryGetValue(cluster, out var latest) || latest < storyId)
            {
                latestOfCluster[cluster] = storyId;
            }
        }

        public long? Probe(uint[] signature, StoryFacts facts)
        {
            var cluster = index.Add(signature, facts);
            storyOfDocument.Add(0);
            if (cluster == storyOfDocument.Count - 1)
            {
                return null;
            }

            return latestOfCluster.TryGetValue(cluster, out var latest) ? latest : storyOfDocument[cluster];
        }

        public void Fill(long storyId)
        {
            storyOfDocument[^1] = storyId;
            latestOfCluster[index.ClusterOf(storyOfDocument.Count - 1)] = storyId;
        }

        public void Reset()
        {
            index = new NearDuplicateIndex(Threshold, Hasher);
            storyOfDocument = [];
            latestOfCluster = [];
            Known = [];
            Watermark = 0;
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
