using DuLuan.Infrastructure;

namespace DuLuan.Features.Units;

/// <summary>CSV with a header row: code,name,kind,parent_code (kind: province|commune|agency|committee|team|other).</summary>
public static class UnitCsvReader
{
    private static readonly string[] RequiredColumns = ["code", "name", "kind", "parent_code"];

    public static List<UnitImportRow> Parse(string text)
    {
        var records = CsvRecords.Read(text, ',', line => throw new UnitImportException($"Dòng {line}: dấu ngoặc kép chưa đóng / Line {line}: unclosed quote."));
        if (records.Count == 0 || records[0].Line != 1 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw new UnitImportException("Dòng 1: tệp rỗng, cần dòng tiêu đề code,name,kind,parent_code / Line 1: empty file, expected a header.");
        }

        var header = records[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var column in RequiredColumns.Where(c => !header.Contains(c)))
        {
            throw new UnitImportException($"Dòng 1: thiếu cột \"{column}\" / Line 1: missing column \"{column}\".");
        }

        int Col(string name) => header.IndexOf(name);
        var rows = new List<UnitImportRow>();
        foreach (var (lineNo, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new UnitImportException($"Dòng {lineNo}: có {fields.Count} cột, cần {header.Count} / Line {lineNo}: {fields.Count} columns, expected {header.Count}.");
            }

            var code = fields[Col("code")].Trim();
            var name = fields[Col("name")].Trim();
            var kindText = fields[Col("kind")].Trim();
            var parent = fields[Col("parent_code")].Trim();
            if (code.Length is 0 or > 20)
            {
                throw new UnitImportException($"Dòng {lineNo}, cột \"code\": mã trống hoặc dài quá 20 ký tự / Line {lineNo}, \"code\": empty or longer than 20.");
            }

            if (name.Length is 0 or > 300)
            {
                throw new UnitImportException($"Dòng {lineNo}, cột \"name\": tên trống hoặc dài quá 300 ký tự / Line {lineNo}, \"name\": empty or longer than 300.");
            }

            if (!Enum.TryParse<UnitKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
            {
                throw new UnitImportException($"Dòng {lineNo}, cột \"kind\": \"{kindText}\" không hợp lệ (province, commune, agency, committee, team, other) / Line {lineNo}, \"kind\": invalid value.");
            }

            rows.Add(new UnitImportRow(lineNo, code, name, kind, parent.Length == 0 ? null : parent));
        }

        return rows;
    }
}
