using DuLuan.Analysis.Statistics;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    /// <summary>A stratum of the design (a unit) and its weighting cells: group in the tables, responses, their common weight.</summary>
    private sealed record Stratum(long Unit, List<(int Group, long Size, double Weight)> Cells);

    /// <param name="marginsInUnit">Whether a unit's row gets margins (weights constant within the unit); raked rows give counts
    /// and shares only, as the row-by-row computation does.</param>
    private static QuestionResult Question(SurveyQuestion q, Table domain, List<Stratum> strata, int total,
        Dictionary<long, string> names, List<(string Key, string Label)> options, string language, string note, List<(string Key, string Label, Table Table)>? crossRows,
        bool marginsInUnit = true)
    {
        List<IReadOnlyList<StratumSums>> Strata(Table table, string option, long? only) => [.. strata.Select(s => (IReadOnlyList<StratumSums>)[.. s.Cells.Select(c =>
        {
            if (only is { } u && s.Unit != u)
            {
                return new StratumSums(c.Size, c.Weight, 0, 0, 0);
            }

            var answered = table.Get(s.Unit, c.Group, q.Key, string.Empty);
            if (option.Length == 0)
            {
                return new StratumSums(c.Size, c.Weight, answered.Count, answered.Sum, answered.SumSquares);
            }

            var picked = table.Get(s.Unit, c.Group, q.Key, option).Count;
            return new StratumSums(c.Size, c.Weight, answered.Count, picked, picked);
        })])];

        long InUnit(Table table, Stratum s, string option) => s.Cells.Sum(c => table.Get(s.Unit, c.Group, q.Key, option).Count);
        int Answered(Table table) => (int)strata.Sum(s => InUnit(table, s, string.Empty));
        int Picked(Table table, string option) => (int)strata.Sum(s => InUnit(table, s, option));

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

            foreach (var stratum in strata.OrderBy(s => names.GetValueOrDefault(s.Unit, "?"), StringComparer.Ordinal))
            {
                var unit = stratum.Unit;
                var inUnit = (int)InUnit(domain, stratum, string.Empty);
                var cells = options.Select(o =>
                {
                    var c = (int)InUnit(domain, stratum, o.Key);
                    return c == 0 || inUnit == 0
                        ? new UnitCell(c, inUnit == 0 ? null : 0, null)
                        : new UnitCell(c, 100.0 * c / inUnit, marginsInUnit ? Estimate(Strata(domain, o.Key, unit))?.MarginOfError * 100 : null);
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
