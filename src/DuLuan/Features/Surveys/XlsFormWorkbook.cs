using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Surveys;

/// <summary>One problem found in an XLSForm, located by sheet, row (1-based as Excel shows it, 0 for the whole sheet) and column.</summary>
public sealed record XlsFormIssue(string Sheet, int Row, string? Column, string Vi, string En)
{
    public static XlsFormIssue Of(string sheet, int row, string? column, Message message) => new(sheet, row, column, message.Vietnamese, message.English);

    public string Where => Row > 0 ? $"{Sheet}, {Row}{(Column is null ? string.Empty : ", " + Column)}" : Column is null ? Sheet : $"{Sheet}, {Column}";

    public override string ToString() => $"[{Where}] {Vi} / {En}";
}

/// <summary>A sheet read as text: its header row and the data rows that have any value.</summary>
public sealed class XlsSheet(string name, IReadOnlyList<string> headers, IReadOnlyList<XlsRow> rows)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<XlsRow> Rows { get; } = rows;
}

public sealed class XlsRow(int number, Dictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>Non-empty trimmed values by exact header text.</summary>
    public Dictionary<string, string> Cells { get; } = cells;

    public string? this[string header] => Cells.GetValueOrDefault(header);
}

/// <summary>
/// Reads the sheets of an XLSForm workbook safely: .xlsx and .xlsm as zip packages (size cap, zip checked before
/// parsing so a zip bomb is refused, part size capped, rows streamed; macros are never run) and legacy .xls through
/// <see cref="XlsFormLegacyWorkbook"/>. Only cells with a value count: formatting-only cells are ignored.
/// </summary>
public static class XlsFormWorkbook
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxUnpackedBytes = 60L * 1024 * 1024;
    public const int MaxEntries = 200;
    public const int MaxRows = 5000;
    public const int MaxColumns = 200;
    public const int MaxCell = 8000;

    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    internal static XlsFormIssue Issue(string sheet, int row, string? column, string key, params object?[] args)
        => XlsFormIssue.Of(sheet, row, column, new Message(key, args));

    public static Dictionary<string, XlsSheet>? Read(byte[] file, List<XlsFormIssue> errors)
    {
        if (file.Length == 0)
        {
            errors.Add(Issue("—", 0, null, "Surveys.Xls.EmptyFile"));
            return null;
        }

        if (file.Length > MaxFileBytes)
        {
            errors.Add(Issue("—", 0, null, "Surveys.Xls.FileTooLarge"));
            return null;
        }

        if (file.AsSpan().StartsWith(Ole2Signature))
        {
            return XlsFormLegacyWorkbook.Read(file, errors);
        }

        if (!CheckZip(file, errors))
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 20_000_000, AutoSave = false });
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook?.Sheets is null)
            {
                errors.Add(Issue("—", 0, null, "Surveys.Xls.NoSheets"));
                return null;
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
                .Select(item => string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text))).ToArray() ?? [];
            var sheets = new Dictionary<string, XlsSheet>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
            {
                var name = sheet.Name?.Value?.Trim() ?? string.Empty;
                // A sheet whose relationship id names no part (a hand-edited or damaged workbook) is skipped like an unnamed one.
                if (name.Length == 0 || sheets.ContainsKey(name) || sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var found) || found is not WorksheetPart part)
                {
                    continue;
                }

                var read = ReadSheet(name, part, strings, errors);
                if (read is null)
                {
                    return null;
                }

                sheets[name] = read;
            }

            return sheets;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FileFormatException or FormatException)
        {
            errors.Add(Issue("—", 0, null, "Surveys.Xls.Unreadable", e.GetType().Name));
            return null;
        }
    }

    private static bool CheckZip(byte[] file, List<XlsFormIssue> errors)
    {
        if (file.Length < 4 || file[0] != 'P' || file[1] != 'K')
        {
            errors.Add(Issue("—", 0, null, "Surveys.Xls.NotWorkbook"));
            return false;
        }

        if (Infrastructure.Files.OfficePackage.Check(file, MaxEntries, MaxUnpackedBytes) is { } problem)
        {
            errors.Add(new XlsFormIssue("—", 0, null, problem.Vi, problem.En));
            return false;
        }

        return true;
    }

    private static XlsSheet? ReadSheet(string name, WorksheetPart part, string[] strings, List<XlsFormIssue> errors)
    {
        var builder = new XlsSheetBuilder(name, errors);
        using var reader = OpenXmlReader.Create(part);
        var lastRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : lastRow + 1;
            lastRow = number;
            var values = new Dictionary<int, string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? position;
                position = column + 1;
                if (cell.CellValue is null && cell.InlineString is null)
                {
                    continue;
                }

                if (!builder.Cell(number, column, CellText(cell, strings), values))
                {
                    return null;
                }
            }

            if (!builder.Row(number, values))
            {
                return null;
            }
        }

        return builder.Build();
    }

    private static string CellText(Cell cell, string[] strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString is null ? string.Empty : string.Concat(cell.InlineString.Descendants<Text>().Select(t => t.Text));
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        return raw;
    }

    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        index++;
        while (index > 0)
        {
            var rest = (index - 1) % 26;
            name = (char)('A' + rest) + name;
            index = (index - 1) / 26;
        }

        return name;
    }

    /// <summary>Writes sheets of text (first row the header) as an .xlsx with inline strings.</summary>
    public static byte[] Write(IEnumerable<(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Count; c++)
                    {
                        if (string.IsNullOrEmpty(rows[r][c]))
                        {
                            continue;
                        }

                        row.AppendChild(new Cell
                        {
                            CellReference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture),
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(rows[r][c]!) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                    }

                    data.AppendChild(row);
                }

                part.Worksheet = new Worksheet(data);
                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }
}
