using DuLuan.Analysis.Text;

namespace DuLuan.Features.Surveys;

/// <summary>
/// Turns the cells of one sheet, row by row, into an <see cref="XlsSheet"/> for both workbook readers. Only cells with
/// a value count toward the limits: a row formatted out to column AMJ (LibreOffice, forms edited many times) is
/// no wider than the text it holds, and empty rows are skipped.
/// </summary>
internal sealed class XlsSheetBuilder(string name, List<XlsFormIssue> errors)
{
    private const int LastRow = 1_048_576;
    private readonly Dictionary<int, string> headers = [];
    private readonly List<XlsRow> rows = [];
    private int filledRows;

    /// <summary>Adds a cell's text to <paramref name="values"/>; false (with the error) when the cell or row is over a limit.</summary>
    public bool Cell(int row, int column, string raw, Dictionary<int, string> values)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.Length > XlsFormWorkbook.MaxCell)
        {
            errors.Add(XlsFormWorkbook.Issue(name, row, XlsFormWorkbook.ColumnName(column), "Surveys.Xls.CellTooLong", XlsFormWorkbook.MaxCell));
            return false;
        }

        values[column] = Nfc.Of(text);
        if (values.Count > XlsFormWorkbook.MaxColumns)
        {
            errors.Add(XlsFormWorkbook.Issue(name, row, null, "Surveys.Xls.TooManyColumns", XlsFormWorkbook.MaxColumns));
            return false;
        }

        return true;
    }

    /// <summary>Ends a row; false (with the error) when the sheet is over a limit.</summary>
    public bool Row(int number, Dictionary<int, string> values)
    {
        if (number > LastRow)
        {
            errors.Add(XlsFormWorkbook.Issue(name, number, null, "Surveys.Xls.TooManyRows", XlsFormWorkbook.MaxRows));
            return false;
        }

        if (values.Count == 0)
        {
            return true;
        }

        if (++filledRows > XlsFormWorkbook.MaxRows)
        {
            errors.Add(XlsFormWorkbook.Issue(name, number, null, "Surveys.Xls.TooManyRows", XlsFormWorkbook.MaxRows));
            return false;
        }

        if (headers.Count == 0)
        {
            foreach (var (column, text) in values)
            {
                headers[column] = text;
            }

            return true;
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, text) in values)
        {
            if (headers.TryGetValue(column, out var header) && !cells.ContainsKey(header))
            {
                cells[header] = text;
            }
        }

        if (cells.Count > 0)
        {
            rows.Add(new XlsRow(number, cells));
        }

        return true;
    }

    public XlsSheet Build() => new(name, headers.OrderBy(h => h.Key).Select(h => h.Value).ToList(), rows);
}
