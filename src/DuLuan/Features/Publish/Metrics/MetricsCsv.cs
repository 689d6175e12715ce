using System.Globalization;
using System.Text;
using DuLuan.Analysis.Text;

using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Publish.Metrics;

/// <summary>
/// Reads a platform's metrics export (CSV, UTF-8 with or without BOM, comma or semicolon separated). Columns are
/// recognised by name in English or Vietnamese; numbers may be written the Vietnamese way ("1.517.792") or the English
/// way ("1,517,792"). Either every row is read or the first problem is returned, naming the row and the column.
/// </summary>
public static class MetricsCsv
{
    public const int MaxRows = 100_000;

    public sealed record Row(string PostKey, DateOnly Day, long Views, long Reach, long Reactions, long Comments, long Shares, long LinkClicks);

    public sealed record Problem(string Key, object[] Args);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["post id"] = "post",
        ["post_id"] = "post",
        ["mã bài viết"] = "post",
        ["mã bài"] = "post",
        ["id"] = "post",
        ["date"] = "date",
        ["ngày"] = "date",
        ["day"] = "date",
        ["views"] = "views",
        ["lượt xem"] = "views",
        ["impressions"] = "views",
        ["reach"] = "reach",
        ["lượt tiếp cận"] = "reach",
        ["reactions"] = "reactions",
        ["cảm xúc"] = "reactions",
        ["lượt thích"] = "reactions",
        ["comments"] = "comments",
        ["bình luận"] = "comments",
        ["shares"] = "shares",
        ["chia sẻ"] = "shares",
        ["lượt chia sẻ"] = "shares",
        ["link clicks"] = "clicks",
        ["lượt nhấp liên kết"] = "clicks",
        ["clicks"] = "clicks",
    };

    private static readonly string[] Metrics = ["views", "reach", "reactions", "comments", "shares", "clicks"];

    public static (List<Row>? Rows, Problem? Error) Parse(string text)
    {
        text = Nfc.Of(text.TrimStart('\uFEFF'));
        var lines = ReadRecords(text).ToList();
        if (lines.Count == 0)
        {
            return (null, new Problem("Publish.Csv.Empty", []));
        }

        var header = lines[0].Select(h => h.Trim()).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (Aliases.TryGetValue(header[i], out var name))
            {
                if (!columns.TryAdd(name, i))
                {
                    return (null, new Problem("Publish.Csv.DuplicateColumn", [header[i]]));
                }
            }
        }

        // The column as the file may name it: the platforms export English or Vietnamese headers.
        foreach (var required in new[] { ("post", new Message("Publish.Csv.Column.Post")), ("date", new Message("Publish.Csv.Column.Date")) })
        {
            if (!columns.ContainsKey(required.Item1))
            {
                return (null, new Problem("Publish.Csv.MissingColumn", [required.Item2, string.Join(", ", header)]));
            }
        }

        if (!Metrics.Any(columns.ContainsKey))
        {
            return (null, new Problem("Publish.Csv.NoMetric", [string.Join(", ", header)]));
        }

        if (lines.Count - 1 > MaxRows)
        {
            return (null, new Problem("Publish.Csv.TooMany", [MaxRows]));
        }

        var rows = new List<Row>(lines.Count - 1);
        for (var r = 1; r < lines.Count; r++)
        {
            var cells = lines[r];
            string Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Count ? cells[i].Trim() : string.Empty;
            var post = Cell("post");
            if (post.Length is 0 or > 200)
            {
                return (null, new Problem("Publish.Csv.BadCell", [r + 1, header[columns["post"]], post]));
            }

            if (!TryDate(Cell("date"), out var day))
            {
                return (null, new Problem("Publish.Csv.BadCell", [r + 1, header[columns["date"]], Cell("date")]));
            }

            var values = new long[Metrics.Length];
            for (var m = 0; m < Metrics.Length; m++)
            {
                if (!columns.ContainsKey(Metrics[m]))
                {
                    continue;
                }

                var raw = Cell(Metrics[m]);
                if (!TryNumber(raw, out values[m]))
                {
                    return (null, new Problem("Publish.Csv.BadCell", [r + 1, header[columns[Metrics[m]]], raw]));
                }
            }

            rows.Add(new Row(post, day, values[0], values[1], values[2], values[3], values[4], values[5]));
        }

        return (rows, null);
    }

    /// <summary>A non-negative count: "1.517.792", "1,517,792", "1 517 792" or "1517792"; empty is 0.</summary>
    public static bool TryNumber(string raw, out long value)
    {
        value = 0;
        if (raw.Length == 0)
        {
            return true;
        }

        var digits = new StringBuilder(raw.Length);
        var groups = raw.Split(['.', ',', ' ', '\u00A0'], StringSplitOptions.None);
        // Thousands separators only: every group after the first has exactly three digits.
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return false;
        }

        foreach (var g in groups)
        {
            digits.Append(g);
        }

        return digits.Length is > 0 and <= 15 && digits.ToString().All(char.IsAsciiDigit)
            && long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(string raw, out DateOnly day)
        => DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year is > 2000 and < 2200;

    /// <summary>RFC 4180 records (<see cref="CsvRecords"/>); the separator is the first of ',' ';' '\t' found in the header line.</summary>
    private static IEnumerable<List<string>> ReadRecords(string text)
    {
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal) is var n and >= 0 ? text[..n] : text;
        var separator = firstLine.Contains(',', StringComparison.Ordinal) ? ',' : firstLine.Contains(';', StringComparison.Ordinal) ? ';' : '\t';
        return CsvRecords.Read(text, separator).Select(r => r.Cells);
    }
}
