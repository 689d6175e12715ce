using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public static partial class SurveyRebuilds
{
    /// <summary>The sums of one chunk: the responses read and what they add, for the chunk's locked step.</summary>
    private sealed class ChunkSums(IReadOnlySet<string> ids, Func<AppDbContext, long, CancellationToken, Task> apply)
    {
        public long Responses => ids.Count;

        public bool Has(string id) => ids.Contains(id);

        public Task ApplyAsync(AppDbContext db, long surveyId, CancellationToken ct) => apply(db, surveyId, ct);
    }

    /// <summary>Tests only: runs between a chunk's read and its locked step (submissions, a new change, a crash).</summary>
    internal static readonly AsyncLocal<Func<Task>?> AfterReadForTests = new();

    // CompareTo on ids is translated to the database's own comparison (its collation), so the job's walk, its cursor
    // and the intake's test agree whatever the collation is.

    /// <summary>
    /// Counts the next chunk of a claimed rebuild; false when it is finished (row deleted) or no longer ours. The chunk
    /// (the next <paramref name="size"/> responses after the cursor; the last one runs to the end) is read and summed
    /// with no lock held, so submissions never wait for it. Then, in one transaction under the survey's exclusive lock:
    /// the row must still be ours at the same cursor (a new change of marks or weighting questions replaces it, a dead
    /// lease is taken over: the sums are dropped), the responses in the range are counted again and, if some arrived
    /// meanwhile, only those are summed under the lock; the sums are added and the cursor moved.
    /// </summary>
    public static async Task<bool> ChunkAsync(AppDbContext db, long rebuildId, string instance, DateTime now, int size, CancellationToken ct)
    {
        // Renewing the lease is a one-statement write; the chunk is read after it, outside any transaction.
        var until = (DateTime?)(now + LeaseTime);
        if (await db.SurveyRebuilds.Where(r => r.Id == rebuildId && r.LeaseOwner == instance).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct) == 0)
        {
            return false;
        }

        var row = await db.SurveyRebuilds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rebuildId, ct);
        if (row is null)
        {
            return false;
        }

        var (sid, cursor, done) = (row.SurveyId, row.Cursor, row.Done);
        // The chunk's last id, or null: the rest of the responses make the last chunk.
        var last = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == sid && r.Id.CompareTo(cursor) > 0)
            .OrderBy(r => r.Id).Skip(size - 1).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var read = await SumAsync(db, sid, row.Kind, cursor, last, ct);
        if (AfterReadForTests.Value is { } hook)
        {
            await hook();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [SurveyShuffle.LockClass, SurveyShuffle.LockKey(sid)], ct);
        }

        // Writing first takes SQLite's write lock before anything is read. Still ours, still where we read it?
        if (await db.SurveyRebuilds.Where(r => r.Id == rebuildId && r.LeaseOwner == instance && r.Cursor == cursor && r.Done == done)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct) == 0)
        {
            return false;
        }

        var range = db.SurveyResponses.Where(r => r.SurveyId == sid && r.Id.CompareTo(cursor) > 0);
        range = last is null ? range : range.Where(r => r.Id.CompareTo(last) <= 0);
        var counted = read.Responses;
        if (await range.LongCountAsync(ct) != counted)
        {
            // Responses stored in the range since it was read (ids are random, so new ones land anywhere; the intake
            // leaves ids after the cursor to the job, and responses are never deleted): only those are summed now,
            // under the lock, so the lock is held for a few responses rather than for a second read of the chunk.
            var arrived = (await range.Select(r => r.Id).ToListAsync(ct)).Where(id => !read.Has(id)).ToList();
            var late = await SumAsync(db, sid, row.Kind, cursor, last, ct, arrived);
            await late.ApplyAsync(db, sid, ct);
            counted += late.Responses;
        }

        await read.ApplyAsync(db, sid, ct);
        if (last is null)
        {
            await db.SurveyRebuilds.Where(r => r.Id == rebuildId).ExecuteDeleteAsync(ct);
        }
        else
        {
            await db.SurveyRebuilds.Where(r => r.Id == rebuildId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Cursor, last).SetProperty(r => r.Done, r => r.Done + counted), ct);
        }

        await transaction.CommitAsync(ct);
        return last is not null;
    }

    /// <summary>
    /// Sums the responses after <paramref name="after"/> up to <paramref name="upTo"/> (null: to the end), or only those
    /// of them in <paramref name="only"/>, for the totals of <paramref name="kind"/>, with the intake's own delta code,
    /// reading the answers in response order so memory holds one response's answers and the sums.
    /// </summary>
    private static async Task<ChunkSums> SumAsync(AppDbContext db, long surveyId, string kind, string after, string? upTo, CancellationToken ct, List<string>? only = null)
    {
        var range = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && r.Id.CompareTo(after) > 0);
        range = upTo is null ? range : range.Where(r => r.Id.CompareTo(upTo) <= 0);
        range = only is null ? range : range.Where(r => only.Contains(r.Id));
        var responses = await range.Select(r => new { r.Id, r.Version, r.UnitId }).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
        var definition = await DefinitionAsync(db, surveyId, ct);
        Action<SurveyResponse, List<AnswerValue>> add;
        Func<AppDbContext, long, CancellationToken, Task> apply;
        if (kind == Cross)
        {
            var marks = await SurveyCrossTallies.MarksAsync(db, surveyId, ct);
            var deltas = new SurveyCrossTallies.Deltas(definition, marks);
            add = (r, values) => deltas.Add(r.Version, r.UnitId, values);
            apply = (d, s, c) => SurveyCrossTallies.ApplyAsync(d, s, deltas.Sums, c);
        }
        else if (await SurveyWeightTallies.QuestionsAsync(db, surveyId, ct) is { } weighting)
        {
            var sums = new SurveyWeightTallies.Sums(definition, weighting);
            add = sums.Add;
            apply = sums.ApplyAsync;
        }
        else
        {
            return new ChunkSums(responses.Keys.ToHashSet(StringComparer.Ordinal), (_, _, _) => Task.CompletedTask);
        }

        // A range of the answers' ResponseId index (no survey condition: SQLite, without statistics, would rather walk
        // the survey's whole answer index); answers of other surveys' responses, or of responses stored after the
        // responses were read, are left out here.
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => a.ResponseId.CompareTo(after) > 0);
        answers = upTo is null ? answers : answers.Where(a => a.ResponseId.CompareTo(upTo) <= 0);
        answers = only is null ? answers : answers.Where(a => only.Contains(a.ResponseId));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var values = new List<AnswerValue>();
        void Flush()
        {
            if (current is not null && responses.TryGetValue(current, out var r) && seen.Add(current))
            {
                add(new SurveyResponse { Id = r.Id, SurveyId = surveyId, Version = r.Version, UnitId = r.UnitId }, values);
            }

            values = [];
        }

        await foreach (var a in answers.OrderBy(a => a.ResponseId).Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!string.Equals(a.ResponseId, current, StringComparison.Ordinal))
            {
                Flush();
                current = a.ResponseId;
            }

            values.Add(new AnswerValue(a.QuestionKey, a.Choice, a.Number, null));
        }

        Flush();
        // Responses without an answer still count (in the weighting cells' response totals).
        foreach (var r in responses.Values.Where(r => !seen.Contains(r.Id)))
        {
            add(new SurveyResponse { Id = r.Id, SurveyId = surveyId, Version = r.Version, UnitId = r.UnitId }, []);
        }

        return new ChunkSums(responses.Keys.ToHashSet(StringComparer.Ordinal), apply);
    }
}
