using DuLuan.Analysis.Statistics;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    private static QuestionResult Question(SurveyQuestion q, Table domain, SortedDictionary<long, long> sizes, Dictionary<long, double> weights, int total,
        Dictionary<long, string> names, List<(string Key, string Label)> options, string language, string note, List<(string Key, string Label, Table Table)>? crossRows)
    {
        StratumSums[] Strata(Table table, string option, long? only) => [.. sizes.Select(s =>
        {
            if (only is { } u && s.Key != u)
            {
                return new StratumSums(s.Value, weights[s.Key], 0, 0, 0);
            }

            var answered = table.Get(s.Key, q.Key, string.Empty);
            if (option.Length == 0)
            {
                return new StratumSums(s.Value, weights[s.Key], answered.Count, answered.Sum, answered.SumSquares);
            }

            var picked = table.Get(s.Key, q.Key, option).Count;
            return new StratumSums(s.Value, weights[s.Key], answered.Count, picked, picked);
        })];

        int Answered(Table table) => (int)sizes.Keys.Sum(u => table.Get(u, q.Key, string.Empty).Count);
        int Picked(Table table, string option) => (int)sizes.Keys.Sum(u => table.Get(u, q.Key, option).Count);

        var answered = Answered(domain);
        var results = new List<OptionResult>();
        MeanResult? mean = null;
        var byUnit = new List<UnitRow>();
        if (total == 0 || answered == 0 || q.Type is QuestionType.Text or QuestionType.LongText or QuestionType.Date)
        {
            return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, null, byUnit, null);
        }

        List<CrossRow>? crossTab = null;
        if (q.Type != QuestionType.Number)
        {
            foreach (var (key, label) in options)
            {
                var count = Picked(domain, key);
                if (count == 0)
                {
                    results.Add(new OptionResult(key, label, 0, 0, null, null, null));
                    continue;
                }

                var estimate = Estimate(Strata(domain, key, null));
                results.Add(estimate is null
                    ? new OptionResult(key, label, count, null, null, null, null)
                    : new OptionResult(key, label, count, estimate.Estimate * 100, estimate.MarginOfError * 100, Finite(estimate.DesignEffect),
                        Line(estimate.Estimate * 100, estimate.MarginOfError * 100, answered, language, note, percent: true)));
            }

            foreach (var unit in sizes.Keys.OrderBy(u => names.GetValueOrDefault(u, "?"), StringComparer.Ordinal))
            {
                var inUnit = (int)domain.Get(unit, q.Key, string.Empty).Count;
                var cells = options.Select(o =>
                {
                    var c = (int)domain.Get(unit, q.Key, o.Key).Count;
                    return c == 0 || inUnit == 0
                        ? new UnitCell(c, inUnit == 0 ? null : 0, null)
                        : new UnitCell(c, 100.0 * c / inUnit, Estimate(Strata(domain, o.Key, unit))?.MarginOfError * 100);
                }).ToList();
                byUnit.Add(new UnitRow(unit, names.GetValueOrDefault(unit, "?"), inUnit, cells));
            }

            if (crossRows is not null)
            {
                crossTab = [];
                foreach (var (rowKey, rowLabel, table) in crossRows)
                {
                    var inRow = Answered(table);
                    var cells = options.Select(o =>
                    {
                        var c = Picked(table, o.Key);
                        if (c == 0)
                        {
                            return new UnitCell(0, inRow == 0 ? null : 0, null);
                        }

                        var e = Estimate(Strata(table, o.Key, null));
                        return new UnitCell(c, e?.Estimate * 100, e?.MarginOfError * 100);
                    }).ToList();
                    crossTab.Add(new CrossRow(rowKey, rowLabel, inRow, cells));
                }
            }
        }

        if (q.Type is QuestionType.Number or QuestionType.Rating && Estimate(Strata(domain, string.Empty, null)) is { } m)
        {
            mean = new MeanResult(m.Estimate, m.MarginOfError, Finite(m.DesignEffect), Line(m.Estimate, m.MarginOfError, answered, language, note, percent: false));
        }

        return new QuestionResult(q.Key, Type(q), q.Label.In(language), answered, results, mean, byUnit, crossTab);
    }
}
