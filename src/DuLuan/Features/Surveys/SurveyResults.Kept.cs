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
        if (RowByRow || !await db.SurveyCrossMarks.AnyAsync(m => m.SurveyId == surveyId && m.QuestionKey == cross.Key, ct))
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
}
