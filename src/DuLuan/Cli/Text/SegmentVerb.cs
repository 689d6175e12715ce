using System.CommandLine;
using DuLuan.Analysis.Text;

namespace DuLuan.Cli.Text;

internal static class SegmentVerb
{
    public static Command Create()
    {
        var input = LineInput.CreateOption();
        var command = new Command("segment", "Tách từ: mỗi dòng vào một dòng ra, âm tiết trong từ nối bằng '_' / word segmentation") { input };
        command.SetAction(parse => CliRun.Guard(parse, output =>
        {
            foreach (var line in LineInput.ReadTextLines(parse.GetValue(input)))
            {
                output.WriteLine(WordSegmenter.Default.SegmentToText(VietnameseNormalizer.Normalize(line)));
            }
            return 0;
        }));
        return command;
    }
}
