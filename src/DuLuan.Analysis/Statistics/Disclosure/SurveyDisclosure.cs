namespace DuLuan.Analysis.Statistics.Disclosure;

/// <summary>
/// Disclosure control of survey results, for every role (no role sees answers row by row). What a role
/// may request is, per question X: the one-way table (all respondents), the table by the response's unit
/// (the breakdown and the unit filter), and for every other question Q with options the table Q × X (the
/// filter q=Q&amp;opt=o is its row o, the cross-tab by Q all its rows). Filters are not combined, and a
/// cross-tab by question is only offered without a filter, so nothing finer than two questions (or a
/// question and the unit) is ever counted.
/// <para>
/// Counts: <see cref="CellSuppression"/> on each table. A one-way category that is hidden is hidden in
/// every two-way table too (whole row or column), and its filter is refused; a two-way table is protected
/// with both one-way margins taken as known, so combining tables cannot undo it.
/// </para>
/// <para>
/// Weighted figures (percentages, means, margins of error, design effects) are computed from the counts
/// of each unit separately (the strata); with few units those per-unit counts can be solved from them. So
/// a weighted figure is published only when every per-unit count it uses is itself published: the cell,
/// the column of the by-unit table of its question, and for a filtered or crossed cell the column of the
/// by-unit table of the filter's option.
/// </para>
/// </summary>
public static class SurveyDisclosure
{
    public const int Threshold = 5;

    public static DisclosurePattern OneWay(DisclosureAxis question, long[] counts, long answered)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(counts);
        var cells = new long[1, counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            cells[0, c] = counts[c];
        }

        return CellSuppression.Protect(new DisclosureTable { Rows = DisclosureAxis.Whole, Columns = question, Cells = cells, RowAnswered = [answered] }, Threshold);
    }

    /// <summary>Units × categories; <paramref name="answered"/> per unit. The units' numbers of respondents are public (progress).</summary>
    public static DisclosurePattern ByUnit(DisclosureAxis question, long[,] cells, long[] answered, DisclosurePattern oneWay)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(oneWay);
        return CellSuppression.Protect(new DisclosureTable
        {
            Rows = DisclosureAxis.Partition(cells.GetLength(0), missing: false),
            Columns = question,
            Cells = cells,
            RowAnswered = answered,
            MarginsKnown = true,
            HiddenColumns = HiddenCategories(oneWay),
            HideAll = oneWay.RowAnswered[0],
        }, Threshold);
    }

    /// <summary>
    /// Q × X: rows the options of the filter or cross question, <paramref name="rowAnswered"/> the row's
    /// respondents who answered X, <paramref name="columnAnswered"/> the respondents of each option of X who
    /// answered Q (null when X has no options). When both have options the table is protected in the order
    /// <paramref name="rowsFirst"/> says (the order of the questions in the survey), so the cross-tab by Q and
    /// the cross-tab by X get the same pattern.
    /// </summary>
    public static DisclosurePattern Cross(DisclosureAxis rowQuestion, DisclosureAxis columnQuestion, long[,] cells, long[] rowAnswered, long[]? columnAnswered,
        DisclosurePattern rowOneWay, DisclosurePattern columnOneWay, bool rowsFirst)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rowOneWay);
        ArgumentNullException.ThrowIfNull(columnOneWay);
        var hideAll = rowOneWay.RowAnswered[0] || columnOneWay.RowAnswered[0];
        if (rowsFirst || columnAnswered is null)
        {
            return CellSuppression.Protect(new DisclosureTable
            {
                Rows = rowQuestion,
                Columns = columnQuestion,
                Cells = cells,
                RowAnswered = rowAnswered,
                ColumnAnswered = columnAnswered,
                MarginsKnown = true,
                HiddenRows = HiddenCategories(rowOneWay),
                HiddenColumns = HiddenCategories(columnOneWay),
                HideAll = hideAll,
            }, Threshold);
        }

        var transposed = new long[cells.GetLength(1), cells.GetLength(0)];
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                transposed[c, r] = cells[r, c];
            }
        }

        return CellSuppression.Protect(new DisclosureTable
        {
            Rows = columnQuestion,
            Columns = rowQuestion,
            Cells = transposed,
            RowAnswered = columnAnswered,
            ColumnAnswered = rowAnswered,
            MarginsKnown = true,
            HiddenRows = HiddenCategories(columnOneWay),
            HiddenColumns = HiddenCategories(rowOneWay),
            HideAll = hideAll,
        }, Threshold).Transpose();
    }

    /// <summary>Weighted percentage etc. of category <paramref name="category"/> (null: a mean over all of them) over all respondents.</summary>
    public static bool WeightedWhole(DisclosurePattern oneWay, DisclosurePattern byUnit, int? category)
    {
        ArgumentNullException.ThrowIfNull(oneWay);
        ArgumentNullException.ThrowIfNull(byUnit);
        var own = category is { } c ? !oneWay.Cells[0, c] && byUnit.ColumnClean(c) : oneWay.RowClean(0) && byUnit.Clean;
        return own && !oneWay.RowAnswered[0] && byUnit.AnsweredClean;
    }

    /// <summary>Within one unit the weight is constant: the figure needs only the unit's own published counts.</summary>
    public static bool WeightedInUnit(DisclosurePattern byUnit, int unit, int? category)
    {
        ArgumentNullException.ThrowIfNull(byUnit);
        var own = category is { } c ? !byUnit.Cells[unit, c] : byUnit.RowClean(unit);
        return own && !byUnit.RowAnswered[unit];
    }

    /// <summary>Weighted figure of a cell of Q × X (row <paramref name="row"/>, the filter's option).</summary>
    public static bool WeightedCross(DisclosurePattern cross, int row, int? category, DisclosurePattern columnByUnit, DisclosurePattern rowByUnit)
    {
        ArgumentNullException.ThrowIfNull(cross);
        ArgumentNullException.ThrowIfNull(columnByUnit);
        ArgumentNullException.ThrowIfNull(rowByUnit);
        var own = category is { } c ? !cross.Cells[row, c] && columnByUnit.ColumnClean(c) : cross.RowClean(row) && columnByUnit.Clean;
        return own && !cross.RowAnswered[row] && columnByUnit.AnsweredClean && rowByUnit.ColumnClean(row) && rowByUnit.AnsweredClean;
    }

    private static bool[] HiddenCategories(DisclosurePattern oneWay)
        => [.. Enumerable.Range(0, oneWay.Columns).Select(c => oneWay.Cells[0, c])];
}
