using System.CommandLine;
using DuLuan.Cli;

var root = new RootCommand("DuLuan — bàn làm việc dư luận xã hội cho cơ quan thông tin / public-opinion workbench for information offices")
{
    ServeCommand.Create(),
    DemoCommand.Create(),
    MigrateCommand.Create(),
    UnitsCommand.Create(),
    UsersCommand.Create(),
    BackupCommands.Backup(),
    BackupCommands.Restore(),
    SchemaScriptCommand.Create(),
};
root.Options.Add(CliOptions.Data);
return await root.Parse(args).InvokeAsync();
