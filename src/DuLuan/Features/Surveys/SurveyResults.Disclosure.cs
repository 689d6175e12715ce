using DuLuan.Analysis.Statistics.Disclosure;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    /// <summary>The axis a question is protected on (see <see cref="SurveyDisclosure"/>); "no answer" is left out, which is the cautious side.</summary>
    private static DisclosureAxis AxisOf(SurveyQuestion q, int options) => q.Type switch
    {
        QuestionType.Multiple => DisclosureAxis.Multiple(options, missing: false),
        QuestionType.Number or QuestionType.Date or QuestionType.Text or QuestionType.LongText => DisclosureAxis.AnsweredOnly(missing: false),
        _ => DisclosureAxis.Partition(options, missing: false),
    };

    /// <summary>
    /// The disclosure control of one request: the one-way and by-unit tables of every question from the
    /// running totals, and the tables question × filter (or cross-tab) question from the scan, each
    /// protected by <see cref="SurveyDisclosure"/>; <see cref="Apply"/> takes out of the computed results
    /// what the patterns hide. Every role gets it: no role reads answers row by row.
    /// </summary>
    private sealed class Protection
    {
        private readonly Dictionary<string, int> index;
        private readonly List<string>[] options;
        private readonly DisclosurePattern[] oneWay;
        private readonly DisclosurePattern[] byUnit;
        private readonly DisclosurePattern?[] cross;
        private readonly int? scanned;
        private readonly List<long> units;

        private Protection(int count, List<long> units, int? scanned)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            options = new List<string>[count];
            oneWay = new DisclosurePattern[count];
            byUnit = new DisclosurePattern[count];
            cross = new DisclosurePattern?[count];
            this.units = units;
            this.scanned = scanned;
        }

        public static Protection Build(SurveyDefinition definition, List<(long Id, string Name)> answerUnits, Table all, SortedDictionary<long, long> sizes,
            SurveyQuestion? scannedQuestion, Dictionary<string, Table>? tables)
        {
            var questions = definition.Questions.ToList();
            var units = sizes.Keys.ToList();
            var scannedIndex = scannedQuestion is null ? (int?)null : questions.FindIndex(q => q.Key == scannedQuestion.Key);
            var p = new Protection(questions.Count, units, scannedIndex);
            long Total(Table table, string question, string option) => units.Sum(u => table.Get(u, question, option).Count);
            var axes = new DisclosureAxis[questions.Count];
            for (var i = 0; i < questions.Count; i++)
            {
                var q = questions[i];
                p.index[q.Key] = i;
                var keys = OptionsOf(q, answerUnits, "vi").Select(o => o.Key).ToList();
                p.options[i] = keys;
                axes[i] = AxisOf(q, keys.Count);
                p.oneWay[i] = SurveyDisclosure.OneWay(axes[i], [.. keys.Select(k => Total(all, q.Key, k))], Total(all, q.Key, string.Empty));
                var cells = new long[units.Count, keys.Count];
                var answered = new long[units.Count];
                for (var u = 0; u < units.Count; u++)
                {
                    answered[u] = all.Get(units[u], q.Key, string.Empty).Count;
                    for (var c = 0; c < keys.Count; c++)
                    {
                        cells[u, c] = all.Get(units[u], q.Key, keys[c]).Count;
                    }
                }

                p.byUnit[i] = SurveyDisclosure.ByUnit(axes[i], cells, answered, p.oneWay[i]);
            }

            if (scannedIndex is not { } f || tables is null)
            {
                return p;
            }

            var rows = p.options[f];
            var answeredAny = tables.GetValueOrDefault(AnsweredKey) ?? new Table();
            for (var i = 0; i < questions.Count; i++)
            {
                if (i == f)
                {
                    continue;
                }

                var key = questions[i].Key;
                var columns = p.options[i];
                var cells = new long[rows.Count, columns.Count];
                var rowAnswered = new long[rows.Count];
                for (var o = 0; o < rows.Count; o++)
                {
                    var table = tables.GetValueOrDefault(rows[o]) ?? new Table();
                    rowAnswered[o] = Total(table, key, string.Empty);
                    for (var c = 0; c < columns.Count; c++)
                    {
                        cells[o, c] = Total(table, key, columns[c]);
                    }
                }

                long[]? columnAnswered = columns.Count == 0 ? null : [.. columns.Select(c => Total(answeredAny, key, c))];
                p.cross[i] = SurveyDisclosure.Cross(axes[f], axes[i], cells, rowAnswered, columnAnswered, p.oneWay[f], p.oneWay[i], rowsFirst: f < i);
            }

            return p;
        }

        /// <param name="raking">For raked weights, the protection of each raking question's tables (scanned by it).</param>
        public List<QuestionResult> Apply(List<QuestionResult> results, ResultsQuery query, IReadOnlyList<Protection>? raking = null)
        {
            raking ??= [];
            return [.. results.Select(r => Apply(r, query, (i, c) => raking.All(p => p.AllowsRaked(i, c, raking))))];
        }

        /// <summary>
        /// A raked figure of question <paramref name="i"/> (category <paramref name="c"/>, null for a mean) uses the counts
        /// of each unit × sex × age band: the raking questions' own tables must hide nothing, and neither may this
        /// question's column in the table by the raking question.
        /// </summary>
        private bool AllowsRaked(int i, int? c, IReadOnlyList<Protection> raking)
        {
            var by = scanned!.Value;
            if (!byUnit[by].Clean || raking.Any(p => p.scanned != by && !(cross[p.scanned!.Value]?.Clean ?? true)))
            {
                return false;
            }

            return cross[i] is not { } table || (table.AnsweredClean && (c is { } cc ? table.ColumnClean(cc) : table.Clean));
        }

        private QuestionResult Apply(QuestionResult r, ResultsQuery query, Func<int, int?, bool> raked)
        {
            var i = index[r.Key];
            if (query.Question is not null && scanned is { } f)
            {
                var o = options[f].IndexOf(query.Option!);
                if (i == f)
                {
                    // The filter's own question would only repeat the group's size (or, for a multiple choice, cross its options).
                    return r with { Answered = oneWay[f].Cells[0, o] ? null : r.Answered, Options = [.. r.Options.Select(Hide)], Mean = null, ByUnit = [], CrossTab = null };
                }

                var pattern = cross[i]!;
                return r with
                {
                    Answered = pattern.RowAnswered[o] ? null : r.Answered,
                    Options = [.. r.Options.Select((x, c) => pattern.Cells[o, c] ? Hide(x) : SurveyDisclosure.WeightedCross(pattern, o, c, byUnit[i], byUnit[f]) ? x : Unweighted(x))],
                    Mean = SurveyDisclosure.WeightedCross(pattern, o, null, byUnit[i], byUnit[f]) ? r.Mean : null,
                    ByUnit = [],
                    CrossTab = null,
                };
            }

            if (query.Unit is { } unit)
            {
                var u = units.IndexOf(unit);
                if (u < 0)
                {
                    return r with { ByUnit = [], CrossTab = null };
                }

                var table = byUnit[i];
                return r with
                {
                    Answered = table.RowAnswered[u] ? null : r.Answered,
                    Options = [.. r.Options.Select((x, c) => table.Cells[u, c] ? Hide(x) : SurveyDisclosure.WeightedInUnit(table, u, c) ? x : Unweighted(x))],
                    Mean = SurveyDisclosure.WeightedInUnit(table, u, null) ? r.Mean : null,
                    ByUnit = [.. r.ByUnit.Where(row => row.UnitId == unit).Select(row => UnitRowOf(i, row))],
                    CrossTab = null,
                };
            }

            var whole = oneWay[i];
            return r with
            {
                Answered = whole.RowAnswered[0] ? null : r.Answered,
                Options = [.. r.Options.Select((x, c) => whole.Cells[0, c] ? Hide(x) : SurveyDisclosure.WeightedWhole(whole, byUnit[i], c) && raked(i, c) ? x : Unweighted(x))],
                Mean = SurveyDisclosure.WeightedWhole(whole, byUnit[i], null) && raked(i, null) ? r.Mean : null,
                ByUnit = [.. r.ByUnit.Select(row => UnitRowOf(i, row))],
                CrossTab = r.CrossTab is { } tab && scanned is { } by && cross[i] is { } crossed
                    ? [.. tab.Select((row, o) => row with
                    {
                        Answered = crossed.RowAnswered[o] ? null : row.Answered,
                        Cells = [.. row.Cells.Select((x, c) => crossed.Cells[o, c] ? Hidden : SurveyDisclosure.WeightedCross(crossed, o, c, byUnit[i], byUnit[by]) ? x : x with { Percent = null, Margin = null })],
                    })]
                    : null,
            };
        }

        private UnitRow UnitRowOf(int question, UnitRow row)
        {
            var u = units.IndexOf(row.UnitId);
            if (u < 0)
            {
                return row;
            }

            var table = byUnit[question];
            return row with
            {
                Answered = table.RowAnswered[u] ? null : row.Answered,
                Cells = [.. row.Cells.Select((x, c) => table.Cells[u, c] ? Hidden : SurveyDisclosure.WeightedInUnit(table, u, c) ? x : x with { Percent = null, Margin = null })],
            };
        }

        private static readonly UnitCell Hidden = new(null, null, null);

        private static OptionResult Hide(OptionResult o) => o with { Count = null, Percent = null, Margin = null, DesignEffect = null, Summary = null };

        /// <summary>The count is published, the weighted figures are not (they would give hidden per-unit counts away).</summary>
        private static OptionResult Unweighted(OptionResult o) => o with { Percent = null, Margin = null, DesignEffect = null, Summary = null };
    }
}
