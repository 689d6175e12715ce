using CsvHelper;

namespace DuLuan.Infrastructure;

/// <summary>
/// RFC 4180 records of a decoded text, shared by the CSV imports (read by CsvHelper): a quoted cell may hold the
/// separator, doubled quotes and line breaks; blank lines are skipped. <c>Line</c> is the 1-based line a record
/// starts on, for error messages. A quote never closed reads to the end of the text unless the caller asks to hear
/// of it (<paramref name="unclosedQuote"/> gets the line the broken record starts on).
/// </summary>
public static class CsvRecords
{
    public static List<(int Line, List<string> Cells)> Read(string text, char separator, Action<int>? unclosedQuote = null)
    {
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = unclosedQuote is null ? null : record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unclosedQuote((int)record.LineNumber);
                }
            },
        };
        var records = new List<(int, List<string>)>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var cells = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.GetString(i));
            }

            records.Add(((int)reader.LineNumber, cells));
        }

        return records;
    }
}
