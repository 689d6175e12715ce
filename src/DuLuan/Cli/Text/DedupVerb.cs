using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DuLuan.Analysis.Text;

namespace DuLuan.Cli.Text;

internal static class DedupVerb
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Tệp JSON lines {\"id\":..., \"text\":...} / input JSON lines", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Ngưỡng Jaccard ước lượng / estimated Jaccard threshold", DefaultValueFactory = _ => 0.4 };
        var command = new Command("dedup", "Gom tin trùng lặp gần đúng / group near-duplicate documents") { input, threshold };
        command.SetAction(parse => CliRun.Guard(parse, output =>
        {
            var t = parse.GetValue(threshold);
            if (t is <= 0 or > 1)
            {
                throw new CliError("ngưỡng phải trong (0, 1]", "threshold must be in (0, 1]");
            }

            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                throw new CliError($"không tìm thấy tệp '{file.FullName}'", $"file '{file.FullName}' not found");
            }

            var index = new NearDuplicateIndex(t);
            var ids = new List<string>();
            var number = 0;
            foreach (var line in LineInput.ReadTextLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var (id, text) = Parse(line, number);
                ids.Add(id);
                index.Add(VietnameseNormalizer.Normalize(text));
            }
            for (var d = 0; d < ids.Count; d++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{ids[d]},\"cluster\":{index.ClusterOf(d)}}}"));
            }
            return 0;
        }));
        return command;
    }

    private static (string Id, string Text) Parse(string line, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("id", out var id)
                || !doc.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new CliError($"dòng {number}: cần một bản ghi JSON có \"id\" và \"text\" (chuỗi)", $"line {number}: expected an object with \"id\" and string \"text\"");
            }
            return (id.GetRawText(), text.GetString()!);
        }
        catch (JsonException e)
        {
            throw new CliError($"dòng {number}: JSON không hợp lệ", $"line {number}: invalid JSON ({e.Message})");
        }
    }
}
