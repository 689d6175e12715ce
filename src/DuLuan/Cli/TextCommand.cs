using System.CommandLine;
using DuLuan.Cli.Text;

namespace DuLuan.Cli;

/// <summary>`duluan text ...`: the Vietnamese text core from the command line.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var text = new Command("text", "Xử lý văn bản tiếng Việt / Vietnamese text tools");
        text.Subcommands.Add(NormalizeVerb.Create());
        text.Subcommands.Add(SegmentVerb.Create());
        text.Subcommands.Add(RedactVerb.Create());
        text.Subcommands.Add(DedupVerb.Create());
        text.Subcommands.Add(ClassifyVerb.Create());
        return text;
    }
}
