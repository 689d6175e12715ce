using System.CommandLine;

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
        return root;
    }
}
