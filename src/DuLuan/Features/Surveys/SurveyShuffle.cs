using System.Globalization;
using System.Security.Cryptography;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Surveys;

public sealed class SurveyShuffleOptions
{
    /// <summary>How often surveys with new responses are rewritten (PostgreSQL). Short: until then the heap shows arrival order.</summary>
    public int ShuffleSeconds { get; set; } = 240;

    /// <summary>How often the rebuild job looks for kept totals to rebuild (<see cref="SurveyRebuilds"/>); 0 turns it off.</summary>
    public int RebuildSeconds { get; set; } = 2;

    /// <summary>What the answer page promises residents: the interval plus a minute for the rewrite itself, in whole minutes.</summary>
    public int PromisedMinutes => (int)Math.Ceiling(Math.Max(1, ShuffleSeconds) / 60.0) + 1;
}

/// <summary>
/// Hides the order responses arrived in. Every key of a survey table is random (response and answer ids), a one-way hash
/// (tokens, idempotency keys) or a staff-set key (units, tallies), and storage order follows the key:
/// on SQLite the survey tables are WITHOUT ROWID, so their rows live in key order from the first write (no rowid, no
/// sequence). PostgreSQL's heap keeps rows where they were appended (ctid) and stamps each with the writing transaction
/// (xmin), which both follow arrival and tie a response to the token and idempotency row written with it; so every
/// <see cref="SurveyShuffleOptions.ShuffleSeconds"/> each survey that received responses since has all its rows deleted
/// and written back in key order in one transaction: afterwards ctid follows the random keys and every row carries the
/// same xmin. Submissions continue during the rewrite; only for the counters the intake updates in place (tallies,
/// quotas) the rewrite takes the exclusive side of a per-survey advisory lock whose shared side the intake holds.
/// </summary>
public sealed class SurveyShuffle(AppDbContext db)
{
    /// <summary>First half of the two-int advisory lock key (the second is the survey id); "SV".</summary>
    public const int LockClass = 0x5356;

    /// <summary>One rewrite of a survey at a time, across instances; "SW".</summary>
    private const int RewriteClass = 0x5357;

    public static long RandomKey() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;

    /// <summary>The intake's side of the lock, inside its transaction (PostgreSQL only).</summary>
    public static Task ShareLockAsync(AppDbContext db, long surveyId, CancellationToken ct)
        => db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock_shared({0}, {1})", [LockClass, LockKey(surveyId)], ct);

    /// <summary>Rewrites every survey whose response count moved since its last rewrite; returns how many were rewritten.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            return 0; // WITHOUT ROWID tables: storage is in key order already.
        }

        var due = await DueAsync(null, ct);
        var done = 0;
        foreach (var surveyId in due)
        {
            if (await RewriteAsync(surveyId, ct))
            {
                done++;
            }
        }

        return done;
    }

    private async Task<List<long>> DueAsync(long? surveyId, CancellationToken ct)
    {
        var counts = await db.SurveyResponses.AsNoTracking().Where(r => surveyId == null || r.SurveyId == surveyId)
            .GroupBy(r => r.SurveyId).Select(g => new { SurveyId = g.Key, Count = (long)g.Count() }).ToListAsync(ct);
        var marks = await db.SurveyShuffleMarks.AsNoTracking().Where(m => surveyId == null || m.SurveyId == surveyId)
            .ToDictionaryAsync(m => m.SurveyId, m => m.Responses, ct);
        return [.. counts.Where(c => marks.GetValueOrDefault(c.SurveyId, -1) != c.Count).Select(c => c.SurveyId)];
    }

    private async Task<bool> RewriteAsync(long surveyId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [RewriteClass, LockKey(surveyId)], ct);
        if ((await DueAsync(surveyId, ct)).Count == 0)
        {
            return false; // another instance rewrote it meanwhile
        }

        var id = surveyId.ToString(CultureInfo.InvariantCulture);
        // Submissions go on meanwhile: only the rows copied aside are deleted and written back (answers go with their
        // responses by ON DELETE CASCADE); rows committed after the copy stay, and make the survey due again.
        string[] rows =
        [
            $"CREATE TEMP TABLE shuffle_responses ON COMMIT DROP AS SELECT * FROM survey_responses WHERE \"SurveyId\" = {id}",
            "CREATE TEMP TABLE shuffle_answers ON COMMIT DROP AS SELECT a.* FROM survey_answers a JOIN shuffle_responses r ON r.\"Id\" = a.\"ResponseId\"",
            "DELETE FROM survey_responses WHERE \"Id\" IN (SELECT \"Id\" FROM shuffle_responses)",
            "INSERT INTO survey_responses SELECT * FROM shuffle_responses ORDER BY \"Id\"",
            "INSERT INTO survey_answers SELECT * FROM shuffle_answers ORDER BY \"ResponseId\", \"Id\"",
            Rewrite("survey_tokens", id, "\"Hash\""),
            Rewrite("survey_batches", id, "\"Key\""),
        ];
        // The counters the intake updates in place are rewritten under the exclusive lock: a quota update never meets a
        // row being rewritten. Submissions to this survey wait only for these few rows.
        string[] counters =
        [
            "SELECT pg_advisory_xact_lock(" + LockClass.ToString(CultureInfo.InvariantCulture) + ", " + LockKey(surveyId).ToString(CultureInfo.InvariantCulture) + ")",
            Rewrite("survey_tallies", id, "\"Version\", \"UnitId\", \"QuestionKey\", \"OptionKey\""),
            Rewrite("survey_units", id, "\"UnitId\""),
            Rewrite("survey_cross_tallies", id, "\"ByQuestion\", \"Version\", \"UnitId\", \"ByOption\", \"QuestionKey\", \"OptionKey\""),
            Rewrite("survey_weight_tallies", id, "\"Version\", \"UnitId\", \"SexOption\", \"AgeOption\", \"QuestionKey\", \"OptionKey\""),
            $"""
            INSERT INTO survey_shuffles ("SurveyId", "Responses") SELECT {id}, COUNT(*) FROM shuffle_responses
            ON CONFLICT ("SurveyId") DO UPDATE SET "Responses" = excluded."Responses"
            """,
        ];
        foreach (var sql in rows.Concat(counters))
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    private static string Rewrite(string table, string surveyId, string order)
        => $"WITH gone AS (DELETE FROM {table} WHERE \"SurveyId\" = {surveyId} RETURNING *) INSERT INTO {table} SELECT * FROM gone ORDER BY {order}";

    internal static int LockKey(long surveyId) => unchecked((int)surveyId ^ (int)(surveyId >> 32));
}
