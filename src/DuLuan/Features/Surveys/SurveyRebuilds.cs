using DuLuan.Data;
using DuLuan.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Rebuilds of kept totals in the background. The office's change (marks, weighting questions) empties the totals and
/// starts a rebuild row in its own transaction under the exclusive side of the survey's lock; the job then counts the
/// stored responses in chunks in key order, moving the row's cursor. A chunk is read and summed without any lock; only
/// its last step (check that no response arrived in its range meanwhile, add its sums, move the cursor) runs in one
/// short transaction under the exclusive lock. The intake, under the shared side (or SQLite's single writer), counts a
/// new response at once only if its id is at or before the cursor: later ids are counted by the job when it reaches
/// them. So every response is counted exactly once, whatever arrives during the rebuild. Until the row is gone the
/// results read the rows.
/// </summary>
public static partial class SurveyRebuilds
{
    /// <summary>The cross totals of the marked questions (<see cref="SurveyCrossTally"/>).</summary>
    public const string Cross = "cross";

    /// <summary>The totals per weighting cell (<see cref="SurveyWeightTally"/>).</summary>
    public const string Weights = "weights";

    /// <summary>
    /// Responses per chunk: read and summed without the survey's lock; only the upsert of the chunk's sums (a key set
    /// that does not grow with the chunk) holds the exclusive lock, so fewer, larger chunks cost less in all.
    /// </summary>
    public const int ChunkSize = 50_000;

    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    /// <summary>The progress shown to the office: responses counted by the job out of those stored.</summary>
    public sealed record Status(bool Rebuilding, long Done, long Total, int Percent, IReadOnlyList<string> Kinds);

    /// <summary>
    /// (Re)starts a rebuild from the first response, in the caller's transaction after it took the survey's exclusive
    /// lock and emptied the totals of <paramref name="kind"/>. A rebuild already running is replaced by a new row (a new
    /// id): a chunk the job read before this change finds its row gone when it comes to add its sums, and drops them.
    /// </summary>
    public static async Task StartAsync(AppDbContext db, long surveyId, string kind, DateTime now, CancellationToken ct)
    {
        await StopAsync(db, surveyId, kind, ct);
        db.SurveyRebuilds.Add(new SurveyRebuild { SurveyId = surveyId, Kind = kind, StartedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Nothing left to rebuild (no marks, no weighting questions): in the caller's locked transaction.</summary>
    public static Task StopAsync(AppDbContext db, long surveyId, string kind, CancellationToken ct)
        => db.SurveyRebuilds.Where(r => r.SurveyId == surveyId && r.Kind == kind).ExecuteDeleteAsync(ct);

    /// <summary>True while the totals of <paramref name="kind"/> are being rebuilt: they must not be read.</summary>
    public static Task<bool> PendingAsync(AppDbContext db, long surveyId, string kind, CancellationToken ct)
        => db.SurveyRebuilds.AnyAsync(r => r.SurveyId == surveyId && r.Kind == kind, ct);

    /// <summary>
    /// In the intake's transaction (after its rows are inserted, under the shared lock): the rows whose totals of
    /// <paramref name="kind"/> it must add now; all of them unless a rebuild runs, then only those the job has passed
    /// (compared by the database, in the same order the job walks).
    /// </summary>
    public static async Task<List<(SurveyResponse Response, List<AnswerValue> Values)>> CountedNowAsync(
        AppDbContext db, long surveyId, string kind, List<(SurveyResponse Response, List<AnswerValue> Values)> rows, CancellationToken ct)
    {
        var cursor = await db.SurveyRebuilds.AsNoTracking().Where(r => r.SurveyId == surveyId && r.Kind == kind).Select(r => r.Cursor).FirstOrDefaultAsync(ct);
        if (cursor is null)
        {
            return rows;
        }

        if (cursor.Length == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Response.Id).ToList();
        var passed = (await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && ids.Contains(r.Id) && r.Id.CompareTo(cursor) <= 0)
            .Select(r => r.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return [.. rows.Where(r => passed.Contains(r.Response.Id))];
    }

    /// <summary>The survey's rebuild progress; the total is the responses stored now (the kept per-unit counts).</summary>
    public static async Task<Status> StatusAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        var rows = await db.SurveyRebuilds.AsNoTracking().Where(r => r.SurveyId == surveyId).Select(r => new { r.Kind, r.Done }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new Status(false, 0, 0, 100, []);
        }

        var total = await db.SurveyTallies.Where(t => t.SurveyId == surveyId && t.QuestionKey == string.Empty).SumAsync(t => t.Count, ct);
        // Two kinds at once: the share of the slower one.
        var done = Math.Min(rows.Min(r => r.Done), total);
        var percent = total == 0 ? 0 : (int)Math.Min(99, done * 100 / total);
        return new Status(true, done, total, percent, [.. rows.Select(r => r.Kind).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// One pass of the job: claims unfinished rebuilds (a dead instance's lease runs out, then another resumes at the
    /// cursor) and runs their chunks until done or <paramref name="budget"/> is spent. Returns the chunks run.
    /// </summary>
    public static async Task<int> RunAsync(AppDbContext db, TimeProvider clock, string instance, TimeSpan budget, CancellationToken ct, int chunkSize = ChunkSize, int maxChunks = int.MaxValue)
    {
        var deadline = clock.GetUtcNow().UtcDateTime + budget;
        var claimed = await Leases.ClaimAsync(db.SurveyRebuilds, SurveyRebuild.Lease, r => true, r => r.Id, 4, clock.GetUtcNow().UtcDateTime, LeaseTime, instance, ct);
        var chunks = 0;
        foreach (var id in claimed)
        {
            var more = true;
            while (more && clock.GetUtcNow().UtcDateTime < deadline && chunks < maxChunks)
            {
                db.ChangeTracker.Clear();
                more = await ChunkAsync(db, id, instance, clock.GetUtcNow().UtcDateTime, chunkSize, ct);
                chunks++;
            }

            if (more)
            {
                await Leases.ReleaseAsync(db.SurveyRebuilds, SurveyRebuild.Lease, id, instance, ct);
            }
        }

        return chunks;
    }

    /// <summary>The published version's definition (its question types decide what an answer counts for).</summary>
    private static async Task<SurveyDefinition> DefinitionAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        var json = await db.Surveys.Where(s => s.Id == surveyId)
            .Join(db.SurveyVersions, s => new { s.Id, Number = s.CurrentVersion }, v => new { Id = v.SurveyId, v.Number }, (s, v) => v.DefinitionJson).FirstAsync(ct);
        return SurveyDefinition.Parse(json, out _)!;
    }
}
