using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Units;

/// <summary>CSV with a header row: code,name,kind,parent_code (kind: province|commune|agency|committee|team|other).</summary>
public static class UnitCsvReader
{
    private static readonly string[] RequiredColumns = ["code", "name", "kind", "parent_code"];

    public static List<UnitImportRow> Parse(string text)
    {
        var records = CsvRecords.Read(text, ',', line => throw new UnitImportException(new Message("Units.Import.UnclosedQuote", line)));
        if (records.Count == 0 || records[0].Line != 1 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw new UnitImportException(new Message("Units.Import.EmptyFile"));
        }

        var header = records[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var column in RequiredColumns.Where(c => !header.Contains(c)))
        {
            throw new UnitImportException(new Message("Units.Import.MissingColumn", column));
        }

        int Col(string name) => header.IndexOf(name);
        var rows = new List<UnitImportRow>();
        foreach (var (lineNo, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new UnitImportException(new Message("Units.Import.ColumnCount", lineNo, fields.Count, header.Count));
            }

            var code = fields[Col("code")].Trim();
            var name = fields[Col("name")].Trim();
            var kindText = fields[Col("kind")].Trim();
            var parent = fields[Col("parent_code")].Trim();
            if (code.Length is 0 or > 20)
            {
                throw new UnitImportException(new Message("Units.Import.BadCode", lineNo));
            }

            if (name.Length is 0 or > 300)
            {
                throw new UnitImportException(new Message("Units.Import.BadName", lineNo));
            }

            if (!Enum.TryParse<UnitKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
            {
                throw new UnitImportException(new Message("Units.Import.BadKind", lineNo, kindText));
            }

            rows.Add(new UnitImportRow(lineNo, code, name, kind, parent.Length == 0 ? null : parent));
        }

        return rows;
    }
}
