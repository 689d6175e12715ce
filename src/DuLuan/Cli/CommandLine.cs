using System.CommandLine;
using System.CommandLine.Invocation;
using DuLuan.Infrastructure;

namespace DuLuan.Cli;

/// <summary>The `duluan` command tree, shared by Program.cs and the tests.</summary>
public static class CommandLine
{
    public static RootCommand Root()
    {
        var root = new RootCommand("DuLuan — bàn làm việc dư luận xã hội cho cơ quan thông tin / public-opinion workbench for information offices")
        {
            ServeCommand.Create(),
            DemoCommand.Create(),
            MigrateCommand.Create(),
            UnitsCommand.Create(),
            UsersCommand.Create(),
            BackupCommands.Backup(),
            BackupCommands.Restore(),
            FeedsCommand.Create(),
            TextCommand.Create(),
            StatsCommand.Create(),
            ReportsCommand.Create(),
            SchemaScriptCommand.Create(),
        };
        root.Options.Add(CliOptions.Data);
        // The built-in --version prints the entry assembly's informational version ("+commit" included, and the test
        // host's in tests): print the release number that /health and the footer show.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
        return root;
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"duluan {AppVersion.Current}");
            return 0;
        }
    }
}
