using System.Text;

namespace DuLuan.Infrastructure;

/// <summary>
/// RFC 4180 records of a decoded text, shared by the CSV imports: a quoted cell may hold the separator, doubled quotes
/// and line breaks; outside quotes a record ends at "\n", "\r\n" or a lone "\r"; blank lines are skipped.
/// <c>Line</c> is the 1-based line a record starts on, for error messages.
/// </summary>
public static class CsvRecords
{
    public static List<(int Line, List<string> Cells)> Read(string text, char separator)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;

        void EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (!(cells.Count == 1 && cells[0].Length == 0))
            {
                records.Add((start, cells));
            }

            cells = [];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                start = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRecord();
        }

        return records;
    }
}
