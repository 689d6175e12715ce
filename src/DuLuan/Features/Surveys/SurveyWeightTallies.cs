using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Keeps <see cref="SurveyWeightTally"/> rows: what <see cref="SurveyTallies"/> keeps, split by the response's weighting
/// cell (its answers to the sex and age-band questions of <see cref="SurveyWeighting"/>), so raked results read a few
/// hundred rows instead of every answer.
/// </summary>
public static class SurveyWeightTallies
{
    public readonly record struct Key(int Version, long UnitId, string SexOption, string AgeOption, string QuestionKey, string OptionKey);

    private static readonly Comparer<Key> Order = Comparer<Key>.Create((a, b) =>
    {
        var c = a.Version.CompareTo(b.Version);
        c = c != 0 ? c : a.UnitId.CompareTo(b.UnitId);
        c = c != 0 ? c : string.CompareOrdinal(a.SexOption, b.SexOption);
        c = c != 0 ? c : string.CompareOrdinal(a.AgeOption, b.AgeOption);
        c = c != 0 ? c : string.CompareOrdinal(a.QuestionKey, b.QuestionKey);
        return c != 0 ? c : string.CompareOrdinal(a.OptionKey, b.OptionKey);
    });

    /// <summary>
    /// A response's category of a weighting question: its (ordinally first) choice, empty without an answer or a
    /// question. The rebuild takes MIN of the choices; the questions are single choice, so there is one.
    /// </summary>
    public static string CellOption(IEnumerable<AnswerValue> values, string? question)
        => question is null ? string.Empty
            : values.Where(v => v.Question == question && v.Choice is not null).Select(v => v.Choice!).Order(StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;

    /// <summary>Running sums of a set of responses, sorted by key (a fixed lock order for concurrent upserts).</summary>
    public static SortedDictionary<Key, SurveyTallies.Delta> Deltas(SurveyDefinition definition, SurveyWeighting weighting, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows)
        => new(AddTo([], definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal), weighting, rows), Order);

    /// <summary>Adds what <paramref name="rows"/> add to <paramref name="deltas"/> (hashed while adding, sorted once at the end); returns it.</summary>
    private static Dictionary<Key, SurveyTallies.Delta> AddTo(Dictionary<Key, SurveyTallies.Delta> deltas, Dictionary<string, QuestionType> types, SurveyWeighting weighting, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows)
    {
        SurveyTallies.Delta At(Key key)
        {
            if (!deltas.TryGetValue(key, out var d))
            {
                d = new SurveyTallies.Delta();
                deltas.Add(key, d);
            }

            return d;
        }

        foreach (var (response, values) in rows)
        {
            var (sex, age) = (CellOption(values, weighting.SexQuestion), CellOption(values, weighting.AgeQuestion));
            Key KeyOf(string question, string option) => new(response.Version, response.UnitId, sex, age, question, option);
            At(KeyOf(string.Empty, string.Empty)).Count++;
            foreach (var group in values.GroupBy(v => v.Question, StringComparer.Ordinal))
            {
                var answered = At(KeyOf(group.Key, string.Empty));
                answered.Count++;
                var type = types.GetValueOrDefault(group.Key, QuestionType.Text);
                foreach (var v in group)
                {
                    if (v.Number is { } number)
                    {
                        answered.Sum += number;
                        answered.SumSquares += number * number;
                    }

                    if (SurveyTallies.OptionOf(type, v.Choice, v.Number) is { } option)
                    {
                        At(KeyOf(group.Key, option)).Count++;
                    }
                }
            }
        }

        return deltas;
    }

    /// <summary>Running sums over many sets of responses (the rebuild job's chunk), added up by key.</summary>
    public sealed class Sums(SurveyDefinition definition, SurveyWeighting weighting)
    {
        private readonly Dictionary<string, QuestionType> types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);
        private readonly Dictionary<Key, SurveyTallies.Delta> sums = [];

        public void Add(SurveyResponse response, List<AnswerValue> values) => AddTo(sums, types, weighting, [(response, values)]);

        public Task ApplyAsync(AppDbContext db, long surveyId, CancellationToken ct) => SurveyWeightTallies.ApplyAsync(db, surveyId, new SortedDictionary<Key, SurveyTallies.Delta>(sums, Order), ct);
    }

    /// <summary>The survey's weighting questions, or null when it has none (nothing to keep).</summary>
    public static async Task<SurveyWeighting?> QuestionsAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        var weighting = await db.SurveyWeightings.AsNoTracking().FirstOrDefaultAsync(w => w.SurveyId == surveyId, ct);
        return weighting is { SexQuestion: not null } or { AgeQuestion: not null } ? weighting : null;
    }

    /// <summary>
    /// In the intake's transaction, after the shared side of the survey's advisory lock (PostgreSQL) or under SQLite's
    /// single writer: the weighting questions read here cannot change until the transaction ends. While the job rebuilds
    /// the totals, only the responses it has passed are counted here (<see cref="SurveyRebuilds.CountedNowAsync"/>).
    /// </summary>
    public static async Task KeepAsync(AppDbContext db, long surveyId, SurveyDefinition definition, List<(SurveyResponse Response, List<AnswerValue> Values)> rows, CancellationToken ct)
    {
        if (await QuestionsAsync(db, surveyId, ct) is { } weighting)
        {
            await CountAsync(db, surveyId, definition, weighting, await SurveyRebuilds.CountedNowAsync(db, surveyId, SurveyRebuilds.Weights, rows, ct), ct);
        }
    }

    /// <summary>Adds what <paramref name="rows"/> add to the weighting-cell totals (the intake and the rebuild job).</summary>
    public static Task CountAsync(AppDbContext db, long surveyId, SurveyDefinition definition, SurveyWeighting weighting, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows, CancellationToken ct)
        => ApplyAsync(db, surveyId, Deltas(definition, weighting, rows), ct);

    private static Task ApplyAsync(AppDbContext db, long surveyId, SortedDictionary<Key, SurveyTallies.Delta> sums, CancellationToken ct)
        => TallyUpsert.ApplyAsync(db, "survey_weight_tallies", ["SurveyId", "Version", "UnitId", "SexOption", "AgeOption", "QuestionKey", "OptionKey"],
            [.. sums.Select(s => (new object[] { surveyId, s.Key.Version, s.Key.UnitId, s.Key.SexOption, s.Key.AgeOption, s.Key.QuestionKey, s.Key.OptionKey }, s.Value))], ct);

    /// <summary>
    /// Takes the exclusive side of the survey's lock (PostgreSQL) or SQLite's write lock (by deleting first) and empties
    /// the survey's weighting totals. Call first in the transaction that changes the weighting questions, then start the
    /// rebuild job (<see cref="SurveyRebuilds.StartAsync"/>) or <see cref="RebuildAsync"/> at once once the new questions
    /// are saved: no response is counted twice or missed.
    /// </summary>
    public static async Task ClearAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [SurveyShuffle.LockClass, SurveyShuffle.LockKey(surveyId)], ct);
        }

        await db.SurveyWeightTallies.Where(t => t.SurveyId == surveyId).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Computes the survey's weighting totals from its stored rows with one INSERT … SELECT (the statement migration 0033
    /// runs for every survey), after <see cref="ClearAsync"/> in the same transaction.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        await SurveyRebuilds.StopAsync(db, surveyId, SurveyRebuilds.Weights, ct);
        await db.Database.ExecuteSqlRawAsync(RebuildSql(db.Database.IsSqlite(), "r.\"SurveyId\" = {0}"), [surveyId], ct);
    }

    /// <summary>The rebuild statement; <paramref name="filter"/> picks the responses (a survey, or every survey).</summary>
    public static string RebuildSql(bool sqlite, string filter)
    {
        var integral = sqlite ? "INTEGER" : "bigint";
        var whole = $"CAST(CAST(a.\"Number\" AS {integral}) AS TEXT)";
        // PostgreSQL refuses to cast a number beyond bigint; SQLite saturates.
        var wholeCheck = sqlite ? "a.\"Number\" = CAST(a.\"Number\" AS INTEGER)" : "a.\"Number\" = FLOOR(a.\"Number\") AND ABS(a.\"Number\") < 1e15";
        const string Cell = "c.\"SurveyId\", c.\"Version\", c.\"UnitId\", c.\"SexOption\", c.\"AgeOption\"";
        return $"""
            WITH cells AS MATERIALIZED (
                SELECT r."Id", r."SurveyId", r."Version", r."UnitId",
                    COALESCE(MIN(CASE WHEN s."QuestionKey" = w."SexQuestion" THEN s."Choice" END), '') AS "SexOption",
                    COALESCE(MIN(CASE WHEN s."QuestionKey" = w."AgeQuestion" THEN s."Choice" END), '') AS "AgeOption"
                FROM survey_responses r JOIN survey_weightings w ON w."SurveyId" = r."SurveyId"
                LEFT JOIN survey_answers s ON s."ResponseId" = r."Id" AND s."Choice" IS NOT NULL AND (s."QuestionKey" = w."SexQuestion" OR s."QuestionKey" = w."AgeQuestion")
                WHERE {filter} AND (w."SexQuestion" IS NOT NULL OR w."AgeQuestion" IS NOT NULL)
                GROUP BY r."Id", r."SurveyId", r."Version", r."UnitId"
            )
            INSERT INTO survey_weight_tallies ("SurveyId", "Version", "UnitId", "SexOption", "AgeOption", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
            SELECT {Cell}, '', '', COUNT(*), 0, 0
            FROM cells c GROUP BY {Cell}
            UNION ALL
            SELECT {Cell}, a."QuestionKey", '', COUNT(DISTINCT a."ResponseId"), COALESCE(SUM(a."Number"), 0), COALESCE(SUM(a."Number" * a."Number"), 0)
            FROM survey_answers a JOIN cells c ON c."Id" = a."ResponseId"
            GROUP BY {Cell}, a."QuestionKey"
            UNION ALL
            SELECT {Cell}, a."QuestionKey", COALESCE(a."Choice", {whole}), COUNT(*), 0, 0
            FROM survey_answers a JOIN cells c ON c."Id" = a."ResponseId"
            WHERE a."Choice" IS NOT NULL OR (a."Number" IS NOT NULL AND {wholeCheck})
            GROUP BY {Cell}, a."QuestionKey", COALESCE(a."Choice", {whole})
            """;
    }
}
