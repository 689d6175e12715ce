using System.CommandLine;
using DuLuan.Analysis.Text;

namespace DuLuan.Cli.Text;

internal static class NormalizeVerb
{
    public static Command Create()
    {
        var style = new Option<string>("--style") { Description = "Vị trí dấu thanh: new (hòa, thủy) hoặc old (hoà, thuỷ) / tone-mark placement", DefaultValueFactory = _ => "new" };
        style.AcceptOnlyFromAmong("new", "old");
        var fold = new Option<bool>("--fold") { Description = "Bỏ dấu, chữ thường (khóa tìm kiếm) / fold to a search key" };
        var from = new Option<string>("--from") { Description = "Bảng mã nguồn / source encoding", DefaultValueFactory = _ => "auto" };
        from.AcceptOnlyFromAmong("auto", "tcvn3", "vni", "viqr", "cp1258", "unicode");
        var input = LineInput.CreateOption();
        var command = new Command("normalize", "Chuẩn hóa văn bản, từng dòng / normalise text line by line (stdin to stdout)") { style, fold, from, input };
        command.SetAction(parse => CliRun.Guard(parse, output =>
        {
            var toneStyle = parse.GetValue(style) == "old" ? ToneMarkStyle.Old : ToneMarkStyle.New;
            var encoding = parse.GetValue(from) switch
            {
                "tcvn3" => VietnameseEncoding.Tcvn3,
                "vni" => VietnameseEncoding.Vni,
                "viqr" => VietnameseEncoding.Viqr,
                "cp1258" => VietnameseEncoding.Windows1258,
                "unicode" => VietnameseEncoding.Unicode,
                _ => (VietnameseEncoding?)null,
            };
            var doFold = parse.GetValue(fold);
            using var stream = LineInput.Open(parse.GetValue(input));
            foreach (var bytes in LineInput.ReadLines(stream))
            {
                var text = encoding is { } e ? VietnameseDecoder.Decode(bytes, e) : VietnameseDecoder.Decode(bytes, out _);
                var normal = VietnameseNormalizer.Normalize(text, toneStyle);
                output.WriteLine(doFold ? VietnameseFold.Fold(normal) : normal);
            }
            return 0;
        }));
        return command;
    }
}
