using System.CommandLine;
using System.Text.Json;
using DuLuan.Analysis.Text;

namespace DuLuan.Cli.Text;

internal static class RedactVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Xuất JSON kèm vị trí và loại / JSON lines with spans and kinds" };
        var input = LineInput.CreateOption();
        var command = new Command("redact", "Che thông tin cá nhân / redact personal data, line by line") { json, input };
        command.SetAction(parse => CliRun.Guard(parse, output =>
        {
            var asJson = parse.GetValue(json);
            foreach (var line in LineInput.ReadTextLines(parse.GetValue(input)))
            {
                var normal = VietnameseNormalizer.Normalize(line);
                var result = PersonalDataRedactor.Redact(normal);
                if (!asJson)
                {
                    output.WriteLine(result.Text);
                    continue;
                }
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    text = result.Text,
                    spans = result.Spans.Select(s => new { start = s.Start, length = s.Length, kind = s.Kind.ToString(), label = PersonalDataRedactor.LabelOf(s.Kind) }),
                }, CliJson.Options));
            }
            return 0;
        }));
        return command;
    }
}
