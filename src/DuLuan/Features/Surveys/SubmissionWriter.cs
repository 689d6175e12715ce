using System.Data;
using DuLuan.Data;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// A resident's batch of responses, checked against its survey's definition and ready to store; <paramref name="Key"/> is
/// the idempotency key's hash, <paramref name="PlainKey"/> the key as sent (rows stored before keys were hashed match it).
/// </summary>
public sealed record Submission(Survey Survey, SurveyDefinition Definition, string Key, List<(SurveyResponse Response, List<AnswerValue> Values)> Rows, HashSet<string> Tokens, string? PlainKey = null);

/// <summary>
/// Stores the submissions <see cref="GroupCommit"/> gathered, in its transaction, with the same few statements whatever
/// their number: one read each of the stored keys, device tokens and quota counters, one conditional update per counted
/// unit, one multi-row INSERT per table, one upsert of the running totals summed over the batch (and of the cross and
/// weighting-cell totals per survey). Each submission is decided in order of arrival as if it were alone: a key stored before or earlier in the
/// batch is a replay, a device that answered is refused, a unit whose quota the earlier ones filled is refused; the
/// others are stored, all of their rows or none.
/// </summary>
public sealed class SubmissionWriter : IGroupWrite<Submission, IntakeResult>
{
    public static readonly SubmissionWriter Instance = new();

    internal static readonly Message AlreadyAnswered = new("Surveys.Intake.AlreadyAnswered");

    private SubmissionWriter()
    {
    }

    public async Task<IReadOnlyList<IntakeResult>> WriteAsync(AppDbContext db, IReadOnlyList<Submission> items, CancellationToken ct)
    {
        var surveyIds = items.Select(s => s.Survey.Id).Distinct().Order().ToList();
        if (!db.Database.IsSqlite())
        {
            foreach (var surveyId in surveyIds)
            {
                await SurveyShuffle.ShareLockAsync(db, surveyId, ct); // the survey's rows are not being rewritten in key order
            }
        }

        var stored = await StoredAsync(db, surveyIds, items, ct);
        // The intake checked a survey row it may have remembered for a moment: its status and version, read here in the
        // batch's transaction, decide.
        var surveys = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).Select(s => new { s.Id, s.Status, s.CurrentVersion }).ToDictionaryAsync(s => s.Id, ct);
        var results = new IntakeResult[items.Count];
        var accepted = new List<Submission>();
        var full = new Dictionary<int, long>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var surveyId = item.Survey.Id;
            if (stored.Keys.TryGetValue((surveyId, item.Key), out var count) || (item.PlainKey is { } plain && stored.Keys.TryGetValue((surveyId, plain), out count)))
            {
                results[i] = new IntakeResult(IntakeOutcome.Replayed, count);
                continue;
            }

            if (Unanswerable(item, surveys.GetValueOrDefault(surveyId) is { } now ? (now.Status, now.CurrentVersion) : null) is { } refusal)
            {
                results[i] = refusal;
                continue;
            }

            if (item.Tokens.Any(h => stored.Devices.Contains((surveyId, h))))
            {
                results[i] = new IntakeResult(IntakeOutcome.Refused, Message: AlreadyAnswered);
                continue;
            }

            var perUnit = item.Rows.GroupBy(r => r.Response.UnitId).Select(g => (Unit: g.Key, Count: g.Count())).ToList();
            var over = perUnit.Where(u => stored.Counters.TryGetValue((surveyId, u.Unit), out var c) && c.Quota is { } quota && c.Received + c.Added + u.Count > quota).ToList();
            if (over.Count > 0)
            {
                full[i] = over[0].Unit;
                continue;
            }

            foreach (var (unit, n) in perUnit)
            {
                if (stored.Counters.TryGetValue((surveyId, unit), out var counter))
                {
                    counter.Added += n;
                }
            }

            // A repeat of this key or device later in the batch meets it as if it were already stored.
            stored.Keys[(surveyId, item.Key)] = item.Rows.Count;
            stored.Devices.UnionWith(item.Tokens.Select(h => (surveyId, h)));
            accepted.Add(item);
            results[i] = new IntakeResult(IntakeOutcome.Accepted, item.Rows.Count);
        }

        await CountAsync(db, stored.Counters, ct);
        await AddAsync(db, accepted, ct);
        if (full.Count > 0)
        {
            var unitIds = full.Values.Distinct().ToList();
            var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            foreach (var (i, unitId) in full)
            {
                results[i] = new IntakeResult(IntakeOutcome.Refused, Message: new Message("Surveys.Intake.QuotaFull", names[unitId]));
            }
        }

        return results;
    }

    /// <summary>Why a submission checked against an older reading of its survey cannot be stored now; null when it can.</summary>
    private static IntakeResult? Unanswerable(Submission item, (SurveyStatus Status, int Version)? survey)
    {
        if (survey is not { } now || now.Status == SurveyStatus.Draft || now.Version == 0)
        {
            return new IntakeResult(IntakeOutcome.NotFound);
        }

        if (now.Status == SurveyStatus.Closed)
        {
            return new IntakeResult(IntakeOutcome.Refused, Message: new Message("Surveys.Intake.Closed"));
        }

        var version = item.Rows.Count > 0 ? item.Rows[0].Response.Version : now.Version;
        return version == now.Version
            ? null
            : new IntakeResult(IntakeOutcome.Invalid, Errors: Enumerable.Range(0, item.Rows.Count)
                .ToDictionary(i => $"responses[{i}].version", _ => new[] { new Message("Surveys.Intake.OldVersion", version, now.Version) }, StringComparer.Ordinal));
    }

    private sealed class Counter(int? quota, int received)
    {
        public int? Quota { get; } = quota;

        public int Received { get; } = received;

        /// <summary>Responses of this batch counted against the quota.</summary>
        public int Added { get; set; }
    }

    private sealed record Stored(Dictionary<(long Survey, string Key), int> Keys, HashSet<(long Survey, string Hash)> Devices, SortedDictionary<(long Survey, long Unit), Counter> Counters);

    /// <summary>What the database already holds of the batch's keys, device tokens and quota counters: one read each.</summary>
    private static async Task<Stored> StoredAsync(AppDbContext db, List<long> surveyIds, IReadOnlyList<Submission> items, CancellationToken ct)
    {
        var keyList = items.Select(s => s.Key).Concat(items.Select(s => s.PlainKey).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var keys = (await db.SurveyBatches.AsNoTracking().Where(b => surveyIds.Contains(b.SurveyId) && keyList.Contains(b.Key))
            .Select(b => new { b.SurveyId, b.Key, b.Count }).ToListAsync(ct)).ToDictionary(b => (b.SurveyId, b.Key), b => b.Count);
        var hashes = items.SelectMany(s => s.Tokens).Distinct(StringComparer.Ordinal).ToList();
        var devices = hashes.Count == 0
            ? []
            : (await db.SurveyTokens.AsNoTracking().Where(t => surveyIds.Contains(t.SurveyId) && hashes.Contains(t.Hash))
                .Select(t => new { t.SurveyId, t.Hash }).ToListAsync(ct)).Select(t => (t.SurveyId, t.Hash)).ToHashSet();
        var unitIds = items.SelectMany(s => s.Rows.Select(r => r.Response.UnitId)).Distinct().ToList();
        var counters = await db.SurveyUnits.AsNoTracking().Where(u => surveyIds.Contains(u.SurveyId) && unitIds.Contains(u.UnitId))
            .Select(u => new { u.SurveyId, u.UnitId, u.Quota, u.Received }).ToListAsync(ct);
        return new Stored(keys, devices, new SortedDictionary<(long, long), Counter>(counters.ToDictionary(u => (u.SurveyId, u.UnitId), u => new Counter(u.Quota, u.Received))));
    }

    /// <summary>
    /// One update per counted unit, in key order (no deadlock between instances on PostgreSQL). Atomic on both engines:
    /// the row is locked and the quota re-checked, so it is never overrun; if another instance took it since the read,
    /// the batch fails and each submission runs again alone, meeting the full quota in its check.
    /// </summary>
    private static async Task CountAsync(AppDbContext db, SortedDictionary<(long Survey, long Unit), Counter> counters, CancellationToken ct)
    {
        foreach (var ((surveyId, unitId), counter) in counters.Where(c => c.Value.Added > 0))
        {
            var n = counter.Added;
            var updated = await db.SurveyUnits
                .Where(u => u.SurveyId == surveyId && u.UnitId == unitId && (u.Quota == null || u.Received + n <= u.Quota))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Received, u => u.Received + n), ct);
            if (updated == 0)
            {
                throw new QuotaTakenException(unitId);
            }
        }
    }

    private static readonly BulkInsert.Column[] BatchColumns = [new("SurveyId", DbType.Int64), new("Key", DbType.String), new("Count", DbType.Int32)];
    private static readonly BulkInsert.Column[] TokenColumns = [new("SurveyId", DbType.Int64), new("Hash", DbType.String)];

    private static readonly BulkInsert.Column[] ResponseColumns =
        [new("Id", DbType.String), new("SurveyId", DbType.Int64), new("Version", DbType.Int32), new("UnitId", DbType.Int64), new("ReceivedOn", DbType.Date), new("Source", DbType.String)];

    private static readonly BulkInsert.Column[] AnswerColumns =
        [new("Id", DbType.Int64), new("ResponseId", DbType.String), new("SurveyId", DbType.Int64), new("QuestionKey", DbType.String), new("Choice", DbType.String), new("Number", DbType.Double), new("Text", DbType.String)];

    /// <summary>
    /// Every row of the accepted submissions with one multi-row INSERT per table (no change tracking: the rows are plain
    /// values, built anew on every call, since a batch that failed runs again, each submission alone), then the running
    /// totals they add, in one upsert per table.
    /// </summary>
    private static async Task AddAsync(AppDbContext db, List<Submission> accepted, CancellationToken ct)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var batches = new List<object?[]>(accepted.Count);
        var tokens = new List<object?[]>();
        var responses = new List<object?[]>();
        var answers = new List<object?[]>();
        foreach (var item in accepted)
        {
            var surveyId = item.Survey.Id;
            batches.Add([surveyId, item.Key, item.Rows.Count]);
            tokens.AddRange(item.Tokens.Select(h => new object?[] { surveyId, h }));
            foreach (var (r, values) in item.Rows)
            {
                responses.Add([r.Id, r.SurveyId, r.Version, r.UnitId, r.ReceivedOn, r.Source]);
                // Random answer ids drawn here, on every call, as the entity's own initialiser does.
                answers.AddRange(values.Select(v => new object?[] { SurveyShuffle.RandomKey(), r.Id, surveyId, v.Question, v.Choice, v.Number, v.Text }));
            }
        }

        await BulkInsert.RowsAsync(db, "survey_batches", BatchColumns, batches, ct);
        await BulkInsert.RowsAsync(db, "survey_tokens", TokenColumns, tokens, ct);
        await BulkInsert.RowsAsync(db, "survey_responses", ResponseColumns, responses, ct);
        await BulkInsert.RowsAsync(db, "survey_answers", AnswerColumns, answers, ct);

        // The results' running totals move in the same transaction: committed together or not at all.
        var bySurvey = accepted.GroupBy(s => (s.Survey.Id, s.Definition)).ToList();
        var deltas = SurveyTallies.NewDeltas();
        foreach (var group in bySurvey)
        {
            SurveyTallies.Add(deltas, group.Key.Definition, group.SelectMany(s => s.Rows));
        }

        await SurveyTallies.ApplyAsync(db, deltas, ct);
        foreach (var group in bySurvey)
        {
            await SurveyCrossTallies.KeepAsync(db, group.Key.Id, group.Key.Definition, group.SelectMany(s => s.Rows).ToList(), ct);
            await SurveyWeightTallies.KeepAsync(db, group.Key.Id, group.Key.Definition, group.SelectMany(s => s.Rows).ToList(), ct);
        }
    }
}

/// <summary>A unit's quota was taken by another instance between the check and the update: the submission is refused.</summary>
public sealed class QuotaTakenException(long unitId) : Exception($"The quota of unit {unitId} was taken meanwhile.")
{
    public long UnitId { get; } = unitId;
}
