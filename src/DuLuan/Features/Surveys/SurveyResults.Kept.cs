using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Surveys;

public sealed partial class SurveyResults
{
    /// <summary>Always scan the answers, even for a marked question (the reference in tests and benchmarks).</summary>
    public bool RowByRow { get; set; }

    /// <summary>
    /// The tables of <see cref="ScanAsync"/>: read from the kept cross totals when the office marked
    /// <paramref name="cross"/> for cross-tabs, else computed by scanning every answer.
    /// </summary>
    private async Task<Dictionary<string, Table>> CrossTablesAsync(long surveyId, SurveyDefinition definition, SurveyQuestion cross, CancellationToken ct)
    {
        if (!RowByRow && weightCells is { } kept && TablesBy(kept, cross.Key) is { } byCell)
        {
            return byCell;
        }

        // While the job rebuilds the cross totals they are partial: the answers are scanned instead.
        if (RowByRow || !await db.SurveyCrossMarks.AnyAsync(m => m.SurveyId == surveyId && m.QuestionKey == cross.Key, ct)
            || await SurveyRebuilds.PendingAsync(db, surveyId, SurveyRebuilds.Cross, ct))
        {
            return await ScanAsync(surveyId, definition, cross, ct);
        }

        var stored = await db.SurveyCrossTallies.AsNoTracking().Where(t => t.SurveyId == surveyId && t.ByQuestion == cross.Key)
            .GroupBy(t => new { t.UnitId, t.ByOption, t.QuestionKey, t.OptionKey })
            .Select(g => new { g.Key.UnitId, g.Key.ByOption, g.Key.QuestionKey, g.Key.OptionKey, Count = g.Sum(t => t.Count), Sum = g.Sum(t => t.Sum), SumSquares = g.Sum(t => t.SumSquares) })
            .ToListAsync(ct);
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var t in stored)
        {
            var by = t.ByOption.Length == 0 ? AnsweredKey : t.ByOption;
            if (!tables.TryGetValue(by, out var table))
            {
                table = new Table();
                tables.Add(by, table);
            }

            var s = table.At(t.UnitId, t.QuestionKey, t.OptionKey);
            (s.Count, s.Sum, s.SumSquares) = (t.Count, t.Sum, t.SumSquares);
        }

        return tables;
    }

    /// <summary>A kept total per unit × weighting cell (answer to the sex question, to the age question; empty: none).</summary>
    private readonly record struct CellTotal(long Unit, string Sex, string Age, string Question, string Option, long Count, double Sum, double SumSquares);

    /// <summary>The weighting cells with responses (in a fixed order: a cell's index is its group in the tables), and every kept total.</summary>
    private sealed record KeptCells(SurveyWeighting Weighting, List<(long Unit, string Sex, string Age, long Size)> Cells, List<CellTotal> Totals);

    /// <summary>The kept totals per weighting cell read for the current request (they also give the tables by a weighting question).</summary>
    private KeptCells? weightCells;

    /// <summary>
    /// Reads <see cref="SurveyWeightTally"/> rows summed over versions; null while the job rebuilds them, or when their
    /// responses per unit differ from the unit totals (rows stored without the intake and not rebuilt), so the caller
    /// reads the rows instead.
    /// </summary>
    private async Task<(List<(long Unit, string Sex, string Age, long Size)> Cells, Table Domain)?> KeptCellsAsync(long surveyId, SurveyWeighting weighting, SortedDictionary<long, long> sizes, CancellationToken ct)
    {
        if (await SurveyRebuilds.PendingAsync(db, surveyId, SurveyRebuilds.Weights, ct))
        {
            return null;
        }

        var totals = (await db.SurveyWeightTallies.AsNoTracking().Where(t => t.SurveyId == surveyId)
            .GroupBy(t => new { t.UnitId, t.SexOption, t.AgeOption, t.QuestionKey, t.OptionKey })
            .Select(g => new { g.Key.UnitId, g.Key.SexOption, g.Key.AgeOption, g.Key.QuestionKey, g.Key.OptionKey, Count = g.Sum(t => t.Count), Sum = g.Sum(t => t.Sum), SumSquares = g.Sum(t => t.SumSquares) })
            .ToListAsync(ct)).Select(t => new CellTotal(t.UnitId, t.SexOption, t.AgeOption, t.QuestionKey, t.OptionKey, t.Count, t.Sum, t.SumSquares)).ToList();
        var cells = totals.Where(t => t.Question.Length == 0 && t.Count > 0).OrderBy(t => t.Unit).ThenBy(t => t.Sex, StringComparer.Ordinal).ThenBy(t => t.Age, StringComparer.Ordinal)
            .Select(t => (t.Unit, t.Sex, t.Age, Size: t.Count)).ToList();
        var perUnit = cells.GroupBy(c => c.Unit).ToDictionary(g => g.Key, g => g.Sum(c => c.Size));
        if (perUnit.Count != sizes.Count || sizes.Any(s => perUnit.GetValueOrDefault(s.Key) != s.Value))
        {
            return null;
        }

        var group = cells.Select((c, i) => (c, i)).ToDictionary(x => (x.c.Unit, x.c.Sex, x.c.Age), x => x.i);
        var domain = new Table();
        foreach (var t in totals.Where(t => t.Question.Length > 0))
        {
            if (group.TryGetValue((t.Unit, t.Sex, t.Age), out var g))
            {
                var s = domain.At(t.Unit, g, t.Question, t.Option);
                (s.Count, s.Sum, s.SumSquares) = (t.Count, t.Sum, t.SumSquares);
            }
        }

        weightCells = new KeptCells(weighting, cells, totals);
        return (cells, domain);
    }

    /// <summary>The tables <see cref="ScanAsync"/> gives for a weighting question, summed from the cells; null for another question.</summary>
    private static Dictionary<string, Table>? TablesBy(KeptCells kept, string question)
    {
        var bySex = kept.Weighting.SexQuestion == question;
        if (!bySex && kept.Weighting.AgeQuestion != question)
        {
            return null;
        }

        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var t in kept.Totals.Where(t => t.Question.Length > 0))
        {
            var by = bySex ? t.Sex : t.Age;
            if (by.Length == 0)
            {
                continue;
            }

            foreach (var key in new[] { by, AnsweredKey })
            {
                if (!tables.TryGetValue(key, out var table))
                {
                    table = new Table();
                    tables.Add(key, table);
                }

                var s = table.At(t.Unit, t.Question, t.Option);
                (s.Count, s.Sum, s.SumSquares) = (s.Count + t.Count, s.Sum + t.Sum, s.SumSquares + t.SumSquares);
            }
        }

        return tables;
    }
}
