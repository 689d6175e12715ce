using System.Globalization;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

/// <summary>Keeps <see cref="SurveyTally"/> rows up to date: computed per batch, applied by an atomic upsert inside the batch's transaction.</summary>
public static class SurveyTallies
{
    public readonly record struct Key(long SurveyId, int Version, long UnitId, string QuestionKey, string OptionKey);

    private static readonly Comparer<Key> Order = Comparer<Key>.Create((a, b) =>
    {
        var c = a.SurveyId.CompareTo(b.SurveyId);
        c = c != 0 ? c : a.Version.CompareTo(b.Version);
        c = c != 0 ? c : a.UnitId.CompareTo(b.UnitId);
        c = c != 0 ? c : string.CompareOrdinal(a.QuestionKey, b.QuestionKey);
        return c != 0 ? c : string.CompareOrdinal(a.OptionKey, b.OptionKey);
    });

    public sealed class Delta
    {
        public long Count { get; set; }

        public double Sum { get; set; }

        public double SumSquares { get; set; }
    }

    /// <summary>The option an answer value counts for: its choice, or a rating's whole value; null for other numbers.</summary>
    public static string? OptionOf(QuestionType type, string? choice, double? number)
        => choice ?? (number is { } v && type == QuestionType.Rating ? v.ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>What a set of responses adds, sorted by key (a fixed lock order: no deadlock between concurrent batches on PostgreSQL).</summary>
    public static SortedDictionary<Key, Delta> Deltas(SurveyDefinition definition, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows)
        => Add(NewDeltas(), definition, rows);

    /// <summary>An empty set of deltas in the fixed lock order, for <see cref="Add"/>.</summary>
    public static SortedDictionary<Key, Delta> NewDeltas() => new(Order);

    /// <summary>Adds what <paramref name="rows"/> (responses to <paramref name="definition"/>) add to <paramref name="deltas"/>; returns it.</summary>
    public static SortedDictionary<Key, Delta> Add(SortedDictionary<Key, Delta> deltas, SurveyDefinition definition, IEnumerable<(SurveyResponse Response, List<AnswerValue> Values)> rows)
    {
        var types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);
        Delta At(Key key)
        {
            if (!deltas.TryGetValue(key, out var d))
            {
                d = new Delta();
                deltas.Add(key, d);
            }

            return d;
        }

        foreach (var (response, values) in rows)
        {
            At(new Key(response.SurveyId, response.Version, response.UnitId, string.Empty, string.Empty)).Count++;
            foreach (var group in values.GroupBy(v => v.Question, StringComparer.Ordinal))
            {
                var answered = At(new Key(response.SurveyId, response.Version, response.UnitId, group.Key, string.Empty));
                answered.Count++;
                var type = types.GetValueOrDefault(group.Key, QuestionType.Text);
                foreach (var v in group)
                {
                    if (v.Number is { } number)
                    {
                        answered.Sum += number;
                        answered.SumSquares += number * number;
                    }

                    if (OptionOf(type, v.Choice, v.Number) is { } option)
                    {
                        At(new Key(response.SurveyId, response.Version, response.UnitId, group.Key, option)).Count++;
                    }
                }
            }
        }

        return deltas;
    }

    /// <summary>Adds the deltas (<see cref="TallyUpsert"/>); call inside the batch's transaction.</summary>
    public static Task ApplyAsync(AppDbContext db, SortedDictionary<Key, Delta> deltas, CancellationToken ct)
        => TallyUpsert.ApplyAsync(db, "survey_tallies", ["SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey"],
            [.. deltas.Select(d => (new object[] { d.Key.SurveyId, d.Key.Version, d.Key.UnitId, d.Key.QuestionKey, d.Key.OptionKey }, d.Value))], ct);

    /// <summary>
    /// Recomputes a survey's tallies from its stored responses (for rows written without the intake,
    /// such as the demo seed). The same statements, unfiltered, fill the table in migration 0008.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, long surveyId, CancellationToken ct)
    {
        var integral = db.Database.IsSqlite() ? "INTEGER" : "bigint";
        var whole = $"CAST(CAST(a.\"Number\" AS {integral}) AS TEXT)";
        // PostgreSQL refuses to cast a number beyond bigint; SQLite saturates.
        var wholeCheck = db.Database.IsSqlite() ? "a.\"Number\" = CAST(a.\"Number\" AS INTEGER)" : "a.\"Number\" = FLOOR(a.\"Number\") AND ABS(a.\"Number\") < 1e15";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM survey_tallies WHERE \"SurveyId\" = {0}", [surveyId], ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
            SELECT r."SurveyId", r."Version", r."UnitId", '', '', COUNT(*), 0, 0
            FROM survey_responses r WHERE r."SurveyId" = {0}
            GROUP BY r."SurveyId", r."Version", r."UnitId"
            """, [surveyId], ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
            SELECT r."SurveyId", r."Version", r."UnitId", a."QuestionKey", '', COUNT(DISTINCT a."ResponseId"), COALESCE(SUM(a."Number"), 0), COALESCE(SUM(a."Number" * a."Number"), 0)
            FROM survey_answers a JOIN survey_responses r ON r."Id" = a."ResponseId" WHERE a."SurveyId" = {0}
            GROUP BY r."SurveyId", r."Version", r."UnitId", a."QuestionKey"
            """, [surveyId], ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO survey_tallies ("SurveyId", "Version", "UnitId", "QuestionKey", "OptionKey", "Count", "Sum", "SumSquares")
            SELECT r."SurveyId", r."Version", r."UnitId", a."QuestionKey", COALESCE(a."Choice", WHOLE), COUNT(*), 0, 0
            FROM survey_answers a JOIN survey_responses r ON r."Id" = a."ResponseId"
            WHERE a."SurveyId" = {0} AND (a."Choice" IS NOT NULL OR (a."Number" IS NOT NULL AND WHOLECHECK))
            GROUP BY r."SurveyId", r."Version", r."UnitId", a."QuestionKey", COALESCE(a."Choice", WHOLE)
            """.Replace("WHOLECHECK", wholeCheck, StringComparison.Ordinal).Replace("WHOLE", whole, StringComparison.Ordinal), [surveyId], ct);
        await transaction.CommitAsync(ct);
    }
}
