using System.Text;
using DuLuan.Cli.Text;

namespace DuLuan.Cli.Stats;

/// <summary>A CSV file with a header row, read whole (RFC 4180 quoting; no line breaks inside fields).</summary>
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

        var lines = File.ReadAllLines(file.FullName, Encoding.UTF8);
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new CliError("tệp rỗng, cần dòng tiêu đề", "empty file, expected a header row");
        }

        var header = Split(lines[0], 1).Select(h => h.Trim()).ToList();
        var rows = new List<string[]>();
        var numbers = new List<int>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = Split(lines[i], i + 1);
            if (fields.Count != header.Count)
            {
                throw new CliError($"dòng {i + 1}: có {fields.Count} cột, cần {header.Count}", $"line {i + 1}: {fields.Count} columns, expected {header.Count}");
            }

            rows.Add([.. fields]);
            numbers.Add(i + 1);
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

    private static List<string> Split(string line, int lineNo)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"' && (quoted || current.Length == 0))
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else if (c != '\r' || i != line.Length - 1)
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new CliError($"dòng {lineNo}: dấu ngoặc kép chưa đóng", $"line {lineNo}: unclosed quote");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
