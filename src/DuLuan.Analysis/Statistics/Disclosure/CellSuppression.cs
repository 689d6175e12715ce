namespace DuLuan.Analysis.Statistics.Disclosure;

/// <summary>
/// A published two-way table: counts of respondents in row category r and column category c, the
/// respondents of each row who answered the column question, and (when some view publishes it) the
/// respondents of each column who answered the row question. A one-way table has the row
/// <see cref="DisclosureAxis.Whole"/>.
/// </summary>
public sealed class DisclosureTable
{
    public required DisclosureAxis Rows { get; init; }

    public required DisclosureAxis Columns { get; init; }

    /// <summary>[row category, column category].</summary>
    public required long[,] Cells { get; init; }

    public required long[] RowAnswered { get; init; }

    public long[]? ColumnAnswered { get; init; }

    /// <summary>
    /// Two-way tables are protected as if every figure of one question alone (its one-way table, hidden
    /// cells included) were known: an attacker who combines this table with every other one learns nothing
    /// more about it than that (see docs/surveys.md). One-way tables know only the number of respondents.
    /// </summary>
    public bool MarginsKnown { get; init; }

    /// <summary>Row categories hidden in their own one-way table: the whole row is hidden here.</summary>
    public bool[]? HiddenRows { get; init; }

    public bool[]? HiddenColumns { get; init; }

    /// <summary>Hide everything (a question answered by fewer than the threshold).</summary>
    public bool HideAll { get; init; }
}

/// <summary>Which figures of a <see cref="DisclosureTable"/> are hidden.</summary>
public sealed class DisclosurePattern(bool[,] cells, bool[] rowAnswered, bool[] columnAnswered)
{
    public bool[,] Cells { get; } = cells;

    public bool[] RowAnswered { get; } = rowAnswered;

    public bool[] ColumnAnswered { get; } = columnAnswered;

    public int Rows => Cells.GetLength(0);

    public int Columns => Cells.GetLength(1);

    /// <summary>No cell of column <paramref name="column"/> is hidden.</summary>
    public bool ColumnClean(int column) => Enumerable.Range(0, Rows).All(r => !Cells[r, column]);

    public bool RowClean(int row) => Enumerable.Range(0, Columns).All(c => !Cells[row, c]);

    public bool AnsweredClean => !RowAnswered.Any(h => h);

    public bool Clean => AnsweredClean && Enumerable.Range(0, Columns).All(ColumnClean);

    public DisclosurePattern Transpose()
    {
        var cells = new bool[Columns, Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                cells[c, r] = Cells[r, c];
            }
        }

        return new DisclosurePattern(cells, ColumnAnswered, RowAnswered);
    }
}

/// <summary>
/// Primary and complementary cell suppression checked with an exact solver: every count from 1 to
/// threshold − 1 is hidden, then, while some hidden figure is still a linear combination of the published
/// ones and the known margins (so subtraction, in any combination, gives it back), one more figure sharing
/// its row or column is hidden, the smallest first. Zeros are published (and may be hidden as complements).
/// Deterministic: the same table always gets the same pattern, whichever view asks for it.
/// </summary>
public static class CellSuppression
{
    private enum Kind { Cell, RowAnswered, ColumnAnswered }

    private readonly record struct Item(Kind Kind, int Row, int Column, long[] Vector, long Value);

    public static DisclosurePattern Protect(DisclosureTable table, int threshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (rows, columns) = (table.Rows, table.Columns);
        var dimension = rows.Features * columns.Features;
        var items = new List<Item>();
        for (var r = 0; r < rows.Categories; r++)
        {
            for (var c = 0; c < columns.Categories; c++)
            {
                items.Add(new Item(Kind.Cell, r, c, DisclosureAxis.Product(rows.Category(r), columns.Category(c)), table.Cells[r, c]));
            }
        }

        for (var r = 0; r < rows.Categories; r++)
        {
            items.Add(new Item(Kind.RowAnswered, r, -1, DisclosureAxis.Product(rows.Category(r), columns.Answered), table.RowAnswered[r]));
        }

        if (table.ColumnAnswered is { } columnAnswered)
        {
            for (var c = 0; c < columns.Categories; c++)
            {
                items.Add(new Item(Kind.ColumnAnswered, -1, c, DisclosureAxis.Product(rows.Answered, columns.Category(c)), columnAnswered[c]));
            }
        }

        var known = new ExactSpan(dimension);
        foreach (var v in Known(table))
        {
            known.Add(v);
        }

        var secret = items.Select(i => !known.Contains(i.Vector)).ToArray();
        var hidden = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            hidden[i] = table.HideAll
                || (item.Row >= 0 && table.HiddenRows?[item.Row] == true)
                || (item.Column >= 0 && table.HiddenColumns?[item.Column] == true)
                || (secret[i] && item.Value > 0 && item.Value < threshold);
        }

        while (true)
        {
            var published = new ExactSpan(dimension);
            foreach (var v in Known(table))
            {
                published.Add(v);
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (!hidden[i])
                {
                    published.Add(items[i].Vector);
                }
            }

            var exposed = Enumerable.Range(0, items.Count).FirstOrDefault(i => hidden[i] && secret[i] && published.Contains(items[i].Vector), -1);
            if (exposed < 0)
            {
                break;
            }

            var target = items[exposed];
            var complement = Enumerable.Range(0, items.Count).Where(i => !hidden[i] && secret[i])
                .OrderBy(i => Shares(items[i], target) ? 0 : 1).ThenBy(i => items[i].Value).ThenBy(i => i)
                .FirstOrDefault(-1);
            if (complement < 0)
            {
                // Nothing left to hide but figures known anyway: the hidden one follows from public margins.
                break;
            }

            hidden[complement] = true;
        }

        var cells = new bool[rows.Categories, columns.Categories];
        var rowAnswered = new bool[rows.Categories];
        var columnHidden = new bool[columns.Categories];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            switch (item.Kind)
            {
                case Kind.Cell:
                    cells[item.Row, item.Column] = hidden[i];
                    break;
                case Kind.RowAnswered:
                    rowAnswered[item.Row] = hidden[i];
                    break;
                default:
                    columnHidden[item.Column] = hidden[i];
                    break;
            }
        }

        if (table.ColumnAnswered is null)
        {
            for (var c = 0; c < columns.Categories; c++)
            {
                columnHidden[c] = table.HideAll || table.HiddenColumns?[c] == true;
            }
        }

        return new DisclosurePattern(cells, rowAnswered, columnHidden);
    }

    private static IEnumerable<long[]> Known(DisclosureTable table)
    {
        var (rows, columns) = (table.Rows, table.Columns);
        if (!table.MarginsKnown)
        {
            yield return DisclosureAxis.Product(rows.Constant, columns.Constant);
            yield break;
        }

        for (var f = 0; f < rows.Features; f++)
        {
            yield return DisclosureAxis.Product(rows.Feature(f), columns.Constant);
        }

        for (var g = 0; g < columns.Features; g++)
        {
            yield return DisclosureAxis.Product(rows.Constant, columns.Feature(g));
        }
    }

    private static bool Shares(Item a, Item b)
        => (a.Row >= 0 && a.Row == b.Row) || (a.Column >= 0 && a.Column == b.Column);
}
