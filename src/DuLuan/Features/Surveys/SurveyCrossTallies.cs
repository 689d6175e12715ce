using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Keeps <see cref="SurveyCrossTally"/> rows: per marked question and option, what <see cref="SurveyTallies"/> keeps,
/// among the respondents who picked that option. The same sums the raw scan of the results computes, so a
/// filter on a marked question or a cross-tab by it reads a few rows instead of every answer.
/// </summary>
public static class SurveyCrossTallies
{
    /// <summary>At most this many questions per survey are marked: each one multiplies the rows an answer touches.</summary>
    public const int MaxMarks = 3;

    public readonly record struct Key(int Version, long UnitId, string ByQuestion, string ByOption, string QuestionKey, string OptionKey);

    private static readonly Comparer<Key> Order = Comparer<Key>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.ByQuestion, b.ByQuestion);
        c = c != 0 ? c : a.Version.CompareTo(b.Version);
        c = c != 0 ? c : a.UnitId.CompareTo(b.UnitId);
        c = c != 0 ? c : string.CompareOrdinal(a.ByOption, b.ByOption);
        c = c != 0 ? c : string.CompareOrdinal(a.QuestionKey, b.QuestionKey);
        return c != 0 ? c : string.CompareOrdinal(a.OptionKey, b.OptionKey);
    });

    /// <summary>Running sums of a set of responses, sorted by key (a fixed lock order for concurrent upserts).</summary>
    public sealed class Deltas(SurveyDefinition definition, IReadOnlyCollection<string> marked)
    {
        private readonly Dictionary<string, QuestionType> types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);

        // Hashed while adding (a sorted map costs a dozen string comparisons per answer), sorted once for the upsert.
        private readonly Dictionary<Key, SurveyTallies.Delta> sums = [];

        /// <summary>The sums in the fixed key order (the lock order of the upsert).</summary>
        public SortedDictionary<Key, SurveyTallies.Delta> Sums => new(sums, Order);

        /// <summary>Adds one response, exactly as the results' raw scan counts it.</summary>
        public void Add(int version, long unitId, IReadOnlyList<AnswerValue> values)
        {
            foreach (var by in marked)
            {
                var byType = types.GetValueOrDefault(by, QuestionType.Text);
                var picks = values.Where(v => v.Question == by).Select(v => SurveyTallies.OptionOf(byType, v.Choice, v.Number)).OfType<string>().ToList();
                if (picks.Count == 0)
                {
                    continue;
                }

                picks.Insert(0, string.Empty); // answered the marked question at all
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var v in values)
                {
                    var type = types.GetValueOrDefault(v.Question, QuestionType.Text);
                    // A multiple choice gives one row per option: the response answered the question once.
                    var first = type != QuestionType.Multiple || seen.Add(v.Question);
                    var option = SurveyTallies.OptionOf(type, v.Choice, v.Number);
                    foreach (var pick in picks)
                    {
                        var answered = At(new Key(version, unitId, by, pick, v.Question, string.Empty));
                        if (first)
                        {
                            answered.Count++;
                        }

                        if (v.Number is { } number)
                        {
                            answered.Sum += number;
                            answered.SumSquares += number * number;
                        }

                        if (option is not null)
                        {
                            At(new Key(version, unitId, by, pick, v.Question, option)).Count++;
                        }
                    }
                }
            }
        }

        private SurveyTallies.Delta At(Key key)
        {
            if (!sums.TryGetValue(key, out var d))
            {
                d = new SurveyTallies.Delta();
                sums.Add(key, d);
            }

            return d;
        }
    }

    /// <summary>
    /// In the intake's transaction, after the shared side of the survey's advisory lock (PostgreSQL) or under
    /// SQLite's single writer: the marks read here cannot change until the transaction ends. While the job rebuilds
    /// the totals, only the responses it has passed are counted here (<see cref="SurveyRebuilds.CountedNowAsync"/>).
    /// </summary>
    public static async Task KeepAsync(AppDbContext db, long surveyId, SurveyDefinition definition, List<(SurveyResponse Response, List<AnswerValue> Values)> rows, CancellationToken ct)
    {
        var marked = await MarksAsync(db, surveyId, ct);
        if (marked.Count > 0)
        {
            await CountAsync(db, surveyId, definition, marked, await SurveyRebuilds.CountedNowAsync(db, surveyId, SurveyRebuilds.Cross, rows, ct), ct);
        }
    }

    /// <summary>Adds what <paramref name="rows"/> add to the cross totals of <paramref name="marked"/> (the intake and the rebuild job).</summary>
    public static async Task CountAsync(AppDbContext db, long surveyId, SurveyDefinition definition, IReadOnlyCollection<string> marked, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows, CancellationToken ct)
    {
        if (marked.Count == 0)
        {
            return;
        }

        var deltas = new Deltas(definition, marked);
        foreach (var (response, values) in rows)
        {
            deltas.Add(response.Version, response.UnitId, values);
        }

        await ApplyAsync(db, surveyId, deltas.Sums, ct);
    }

    /// <summary>
    /// The office's change of marks: takes the exclusive side of the survey's lock (PostgreSQL) or SQLite's write lock,
    /// empties the cross totals, saves the marks and leaves the counting to the rebuild job (<see cref="SurveyRebuilds"/>).
    /// The POST returns at once; the results read the rows until the job is done.
    /// </summary>
    public static async Task SetMarksAsync(AppDbContext db, long surveyId, IReadOnlyCollection<string> marks, DateTime now, CancellationToken ct)
    {
        await ReplaceMarksAsync(db, surveyId, marks, ct);
        if (marks.Count == 0)
        {
            await SurveyRebuilds.StopAsync(db, surveyId, SurveyRebuilds.Cross, ct);
        }
        else
        {
            await SurveyRebuilds.StartAsync(db, surveyId, SurveyRebuilds.Cross, now, ct);
        }
    }

    private static async Task ReplaceMarksAsync(AppDbContext db, long surveyId, IReadOnlyCollection<string> marks, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [SurveyShuffle.LockClass, SurveyShuffle.LockKey(surveyId)], ct);
        }

        // Writing first takes SQLite's write lock before anything is read.
        await db.SurveyCrossTallies.Where(t => t.SurveyId == surveyId).ExecuteDeleteAsync(ct);
        await db.SurveyCrossMarks.Where(m => m.SurveyId == surveyId).ExecuteDeleteAsync(ct);
        foreach (var key in marks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO survey_cross_marks (\"SurveyId\", \"QuestionKey\") VALUES ({0}, {1})", [surveyId, key], ct);
        }
    }

    public static async Task<List<string>> MarksAsync(AppDbContext db, long surveyId, CancellationToken ct)
        => await db.SurveyCrossMarks.AsNoTracking().Where(m => m.SurveyId == surveyId).Select(m => m.QuestionKey).OrderBy(k => k).ToListAsync(ct);

    internal static Task ApplyAsync(AppDbContext db, long surveyId, SortedDictionary<Key, SurveyTallies.Delta> sums, CancellationToken ct)
        => TallyUpsert.ApplyAsync(db, "survey_cross_tallies", ["SurveyId", "ByQuestion", "Version", "UnitId", "ByOption", "QuestionKey", "OptionKey"],
            [.. sums.Select(s => (new object[] { surveyId, s.Key.ByQuestion, s.Key.Version, s.Key.UnitId, s.Key.ByOption, s.Key.QuestionKey, s.Key.OptionKey }, s.Value))], ct);

    /// <summary>
    /// Sets a survey's marks and rebuilds its cross totals from the stored rows at once, in one transaction that holds
    /// the exclusive side of the survey's lock (PostgreSQL) or the write lock (SQLite): for seeds, tools and benchmarks;
    /// the office's page uses <see cref="SetMarksAsync"/> and the job. Call inside a transaction the caller commits.
    /// </summary>
    public static async Task MarkAsync(AppDbContext db, long surveyId, SurveyDefinition definition, IReadOnlyCollection<string> marks, CancellationToken ct)
    {
        await ReplaceMarksAsync(db, surveyId, marks, ct);
        await SurveyRebuilds.StopAsync(db, surveyId, SurveyRebuilds.Cross, ct);
        if (marks.Count == 0)
        {
            return;
        }

        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.Id, r.Version, r.UnitId }).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
        var deltas = new Deltas(definition, [.. marks.Distinct(StringComparer.Ordinal)]);
        string? current = null;
        var values = new List<AnswerValue>();
        void Flush()
        {
            if (current is not null && responses.TryGetValue(current, out var r))
            {
                deltas.Add(r.Version, r.UnitId, values);
            }

            values.Clear();
        }

        // Streamed in response order: memory holds one response's answers and the sums.
        await foreach (var a in db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId).OrderBy(a => a.ResponseId)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!string.Equals(a.ResponseId, current, StringComparison.Ordinal))
            {
                Flush();
                current = a.ResponseId;
            }

            values.Add(new AnswerValue(a.QuestionKey, a.Choice, a.Number, null));
        }

        Flush();
        await ApplyAsync(db, surveyId, deltas.Sums, ct);
    }
}
