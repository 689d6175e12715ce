using System.CommandLine;

return new RootCommand("DuLuan") { DuLuan.Cli.TextCommand.Create() }.Parse(args).Invoke();
