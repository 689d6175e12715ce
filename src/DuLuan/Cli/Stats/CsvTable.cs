using System.Text;
using DuLuan.Cli.Text;
using DuLuan.Infrastructure;

namespace DuLuan.Cli.Stats;

/// <summary>A CSV file with a header row, read whole (RFC 4180 quoting, by <see cref="CsvRecords"/>).</summary>
internal sealed class CsvTable
{
    private readonly List<string> header;
    private readonly List<string[]> rows;

    private CsvTable(List<string> header, List<string[]> rows, List<int> lines)
    {
        this.header = header;
        this.rows = rows;
        Lines = lines;
    }

    public int Count => rows.Count;

    /// <summary>The file line number of each data row, for error messages.</summary>
    public IReadOnlyList<int> Lines { get; }

    public static CsvTable Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliError($"không tìm thấy tệp '{file.FullName}'", $"file '{file.FullName}' not found");
        }

        var records = CsvRecords.Read(File.ReadAllText(file.FullName, Encoding.UTF8), ',', line => throw new CliError($"dòng {line}: dấu ngoặc kép chưa đóng", $"line {line}: unclosed quote"));
        if (records.Count == 0 || records[0].Line != 1 || records[0].Cells.All(c => c.Trim().Length == 0))
        {
            throw new CliError("tệp rỗng, cần dòng tiêu đề", "empty file, expected a header row");
        }

        var header = records[0].Cells.Select(h => h.Trim()).ToList();
        var rows = new List<string[]>();
        var numbers = new List<int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new CliError($"dòng {line}: có {fields.Count} cột, cần {header.Count}", $"line {line}: {fields.Count} columns, expected {header.Count}");
            }

            rows.Add([.. fields]);
            numbers.Add(line);
        }

        if (rows.Count == 0)
        {
            throw new CliError("tệp không có dòng dữ liệu nào", "the file has no data rows");
        }

        return new CsvTable(header, rows, numbers);
    }

    /// <summary>The values of a column, trimmed; refuses an unknown column by name.</summary>
    public string[] Column(string name, string option)
    {
        var index = header.IndexOf(name);
        if (index < 0)
        {
            throw new CliError($"{option}: không có cột \"{name}\" (các cột: {string.Join(", ", header)})", $"{option}: no column \"{name}\" (columns: {string.Join(", ", header)})");
        }

        return [.. rows.Select(r => r[index].Trim())];
    }
}
