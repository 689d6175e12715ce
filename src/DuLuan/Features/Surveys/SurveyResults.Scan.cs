using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    private readonly record struct Cell(string Question, string Option);

    private sealed class Sums
    {
        public long Count;
        public double Sum;
        public double SumSquares;
    }

    /// <summary>
    /// Per unit and weighting cell (<c>group</c>; 0 where weights are constant within a unit), per (question, option):
    /// the domain's running totals.
    /// </summary>
    private sealed class Table
    {
        private static readonly Sums Zero = new();
        private readonly Dictionary<(long Unit, int Group), Dictionary<Cell, Sums>> units = [];

        public Sums At(long unit, string question, string option) => At(unit, 0, question, option);

        public Sums At(long unit, int group, string question, string option)
        {
            if (!units.TryGetValue((unit, group), out var cells))
            {
                cells = [];
                units.Add((unit, group), cells);
            }

            var key = new Cell(question, option);
            if (!cells.TryGetValue(key, out var sums))
            {
                sums = new Sums();
                cells.Add(key, sums);
            }

            return sums;
        }

        public Sums Get(long unit, string question, string option) => Get(unit, 0, question, option);

        public Sums Get(long unit, int group, string question, string option)
            => units.TryGetValue((unit, group), out var cells) && cells.TryGetValue(new Cell(question, option), out var s) ? s : Zero;

        public Table Only(long unit)
        {
            var table = new Table();
            foreach (var (key, cells) in units.Where(u => u.Key.Unit == unit))
            {
                table.units.Add(key, cells);
            }

            return table;
        }
    }

    /// <summary>At most this many answers (the latest stored) are grouped per question.</summary>
    public const int MaxTexts = 5000;

    /// <summary>Near-duplicate groups (MinHash, Jaccard ≥ 0.4 on folded word pairs) of a text question's answers.</summary>
    private async Task<TextGroups> GroupTextsAsync(long surveyId, string question, CancellationToken ct)
    {
        var texts = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId && a.QuestionKey == question && a.Text != null)
            .OrderByDescending(a => a.Id).Take(MaxTexts).Select(a => a.Text!).ToListAsync(ct);
        var clusters = DuLuan.Analysis.Text.NearDuplicateClustering.Cluster(texts);
        var groups = Enumerable.Range(0, texts.Count).GroupBy(i => clusters[i]).Select(g => g.ToList()).ToList();
        var shown = groups.Where(g => g.Count >= MinCell).OrderByDescending(g => g.Count).ThenBy(g => g[0])
            .Select(g => new TextGroup(g.Count, [.. g.Select(i => texts[i]).Distinct(StringComparer.Ordinal).Take(3)])).Take(30).ToList();
        return new TextGroups(texts.Count, groups.Where(g => g.Count < MinCell).Sum(g => g.Count), shown);
    }

    /// <summary>Key of the scan's table of respondents who answered the cross question at all.</summary>
    private const string AnsweredKey = "\u0001answered";

    /// <summary>
    /// The raw scan: per option of <paramref name="cross"/> (the filter or cross-tab question) the running
    /// totals of the respondents who picked it, and under <see cref="AnsweredKey"/> of those who answered it.
    /// </summary>
    private async Task<Dictionary<string, Table>> ScanAsync(long surveyId, SurveyDefinition definition, SurveyQuestion cross, CancellationToken ct)
    {
        var unitOf = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.Id, r.UnitId }).ToDictionaryAsync(r => r.Id, r => r.UnitId, StringComparer.Ordinal, ct);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyId == surveyId)
            .Select(a => new { a.ResponseId, a.QuestionKey, a.Choice, a.Number }).ToListAsync(ct);
        var types = definition.Questions.ToDictionary(q => q.Key, q => q.Type, StringComparer.Ordinal);
        var picks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var a in answers)
        {
            if (a.QuestionKey == cross.Key && SurveyTallies.OptionOf(cross.Type, a.Choice, a.Number) is { } option)
            {
                if (!picks.TryGetValue(a.ResponseId, out var list))
                {
                    list = [AnsweredKey];
                    picks.Add(a.ResponseId, list);
                }

                list.Add(option);
            }
        }

        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var a in answers)
        {
            if (!unitOf.TryGetValue(a.ResponseId, out var unitId) || !picks.TryGetValue(a.ResponseId, out var crossOptions))
            {
                continue;
            }

            var type = types.GetValueOrDefault(a.QuestionKey, QuestionType.Text);
            // A multiple choice gives one row per option: the response answered the question once.
            var first = type != QuestionType.Multiple || seen.Add((a.ResponseId, a.QuestionKey));
            var option = SurveyTallies.OptionOf(type, a.Choice, a.Number);
            foreach (var c in crossOptions)
            {
                if (!tables.TryGetValue(c, out var table))
                {
                    table = new Table();
                    tables.Add(c, table);
                }

                Add(table);
            }

            void Add(Table table)
            {
                var answered = table.At(unitId, a.QuestionKey, string.Empty);
                if (first)
                {
                    answered.Count++;
                }

                if (a.Number is { } v)
                {
                    answered.Sum += v;
                    answered.SumSquares += v * v;
                }

                if (option is not null)
                {
                    table.At(unitId, a.QuestionKey, option).Count++;
                }
            }
        }

        return tables;
    }
}
