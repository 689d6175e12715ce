using System.Text;
using DuLuan.Analysis.Text;

using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Units;

/// <summary>One row of a successions file: the cells as written (NFC, trimmed) and where they were.</summary>
public sealed record SuccessionCsvRow(int Line, string OldUnit, string NewUnit, DateOnly EffectiveOn);

/// <summary>
/// CSV <c>ma_don_vi_cu,ma_don_vi_moi,ngay_hieu_luc</c> (old unit, new unit, effective date dd/MM/yyyy or yyyy-MM-dd),
/// UTF-8 with or without BOM, comma or semicolon separated, RFC 4180 quotes. Every problem is listed by line and column.
/// </summary>
public static class SuccessionCsv
{
    public const int MaxFileBytes = 4 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxCell = 300;
    public const string OldColumn = "ma_don_vi_cu";
    public const string NewColumn = "ma_don_vi_moi";
    public const string DateColumn = "ngay_hieu_luc";
    private static readonly string[] Columns = [OldColumn, NewColumn, DateColumn];

    /// <summary>The "column" of errors about the whole file, named as the form names it.</summary>
    public static string FileField => new Message("Units.Succession.FileField").Vietnamese;

    public static (List<SuccessionCsvRow> Rows, List<SuccessionError> Errors) Parse(byte[] bytes)
    {
        var rows = new List<SuccessionCsvRow>();
        var errors = new List<SuccessionError>();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new(1, FileField, new Message("Units.Succession.NotUtf8")));
            return (rows, errors);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = Records(text);
        if (records.Count == 0)
        {
            errors.Add(new(1, OldColumn, new Message("Units.Succession.EmptyFile")));
            return (rows, errors);
        }

        var header = records[0].Cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        foreach (var column in Columns.Where(c => !header.Contains(c)))
        {
            errors.Add(new(1, column, new Message("Units.Succession.MissingColumn")));
        }

        if (errors.Count > 0)
        {
            return (rows, errors);
        }

        if (records.Count - 1 > MaxRows)
        {
            errors.Add(new(records[MaxRows + 1].Line, OldColumn, new Message("Units.Succession.TooManyRows", MaxRows)));
            return (rows, errors);
        }

        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.All(c => c.Trim().Length == 0))
            {
                continue;
            }

            if (cells.Count != header.Count)
            {
                errors.Add(new(line, OldColumn, new Message("Units.Succession.ColumnCount", cells.Count, header.Count)));
                continue;
            }

            var old = Cell(cells[header.IndexOf(OldColumn)], line, OldColumn, errors);
            var @new = Cell(cells[header.IndexOf(NewColumn)], line, NewColumn, errors);
            var dateText = Cell(cells[header.IndexOf(DateColumn)], line, DateColumn, errors);
            DateOnly day = default;
            if (dateText is not null && !UnitReorganisation.TryParseDay(dateText, out day))
            {
                errors.Add(new(line, DateColumn, new Message("Units.Succession.NotADate", Show(dateText))));
                dateText = null;
            }

            if (old is not null && @new is not null && dateText is not null)
            {
                rows.Add(new(line, old, @new, day));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(2, OldColumn, new Message("Units.Succession.NoRows")));
        }

        return (rows, errors);
    }

    /// <summary>A cell shortened for an error message.</summary>
    public static string Show(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";

    private static string? Cell(string raw, int line, string column, List<SuccessionError> errors)
    {
        if (raw.Length > MaxCell)
        {
            errors.Add(new(line, column, new Message("Units.Succession.CellTooLong", raw.Length, MaxCell)));
            return null;
        }

        var cell = Nfc.Of(raw).Trim();
        if (cell.Length == 0)
        {
            errors.Add(new(line, column, new Message("Units.Succession.CellEmpty")));
            return null;
        }

        // A spreadsheet would run these; they are never a code, a name or a date.
        if (cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell[0] == '-' && cell.Length > 1 && !char.IsDigit(cell[1])) || cell.Any(char.IsControl))
        {
            errors.Add(new(line, column, new Message("Units.Succession.Formula", Show(cell))));
            return null;
        }

        return cell;
    }

    /// <summary>The file's records; the separator is ';' when the header line has more of them than ','.</summary>
    private static List<(int Line, List<string> Cells)> Records(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        return CsvRecords.Read(text, firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',');
    }
}
